// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb;

import java.util.Locale;

/**
 * Why a session failed, as a stable code shared with the JavaScript core ({@code error-codes.js}) and named
 * by the protocol test vectors ({@code protocol-tests/error-codes.json}). The code says what went wrong; the
 * exception's message says the details; {@code Failures} turns both into the line a user reads.
 */
public enum ErrorCode {
    BAD_VERSION(Kind.PROTOCOL),
    CONNECTION_REFUSED(Kind.REFUSED),
    NO_COMMON_SECURITY(Kind.SECURITY),
    PASSWORD_REQUIRED(Kind.AUTH),
    AUTH_FAILED(Kind.AUTH),
    LENGTH_OVER_LIMIT(Kind.PROTOCOL),
    BAD_FRAMEBUFFER_SIZE(Kind.PROTOCOL),
    BAD_PIXEL_FORMAT(Kind.PROTOCOL),
    RECT_OUT_OF_BOUNDS(Kind.PROTOCOL),
    UNKNOWN_ENCODING(Kind.PROTOCOL),
    UNKNOWN_MESSAGE(Kind.PROTOCOL),
    BAD_COLOUR_MAP(Kind.PROTOCOL),
    BAD_CURSOR(Kind.PROTOCOL),
    BAD_ENCODING_DATA(Kind.PROTOCOL),
    BAD_COMPRESSED_DATA(Kind.PROTOCOL),
    BAD_MESSAGE(Kind.PROTOCOL),
    END_OF_STREAM(Kind.CLOSED),
    TIMEOUT(Kind.TIMEOUT),
    TRANSPORT_FAILED(Kind.TRANSPORT),
    CLOSED(Kind.CLOSED),
    INTERNAL(Kind.INTERNAL);

    /** Whose fault a failure is; decides the words in front of the details the user reads. */
    public enum Kind { PROTOCOL, REFUSED, SECURITY, AUTH, CLOSED, TIMEOUT, TRANSPORT, INTERNAL }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The code as the vectors and the JavaScript core spell it, for example {@code "rect-out-of-bounds"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return id();
    }
}
