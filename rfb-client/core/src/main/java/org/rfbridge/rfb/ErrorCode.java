// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb;

import java.util.Locale;

/**
 * Why a session failed, as a stable code shared with the JavaScript core ({@code error-codes.js}) and named
 * by the protocol test vectors ({@code protocol-tests/error-codes.json}). The code says what went wrong; the
 * exception's message says the details; {@code Failures} turns both into the line a user reads.
 */
public enum ErrorCode {
    BAD_VERSION,
    CONNECTION_REFUSED,
    NO_COMMON_SECURITY,
    PASSWORD_REQUIRED,
    AUTH_FAILED,
    LENGTH_OVER_LIMIT,
    BAD_FRAMEBUFFER_SIZE,
    BAD_PIXEL_FORMAT,
    RECT_OUT_OF_BOUNDS,
    UNKNOWN_ENCODING,
    UNKNOWN_MESSAGE,
    BAD_COLOUR_MAP,
    BAD_CURSOR,
    BAD_ENCODING_DATA,
    BAD_COMPRESSED_DATA,
    END_OF_STREAM,
    TIMEOUT,
    TRANSPORT_FAILED,
    CLOSED,
    INTERNAL;

    /** The code as the vectors and the JavaScript core spell it, for example {@code "rect-out-of-bounds"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return id();
    }
}
