// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb;

import java.io.IOException;
import java.util.Objects;

/**
 * Base of every failure of an RFB session. The {@link #code() code} says what went wrong, in the terms the
 * protocol test vectors and the JavaScript core share; subclasses say who is at fault: the server broke the
 * protocol ({@link RfbProtocolException}), authentication failed ({@link RfbAuthenticationException}), the
 * server refused us ({@link RfbConnectionRefusedException}), and so on. What the user sees is derived from
 * these in exactly one place: {@code org.rfbridge.rfb.client.Failures}.
 */
public class RfbException extends IOException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public RfbException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public RfbException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** What went wrong, as a stable code. */
    public ErrorCode code() {
        return code;
    }
}
