// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb;

import java.io.IOException;

/**
 * Base of every failure of an RFB session. Subclasses say who is at fault: the server broke the protocol
 * ({@link RfbProtocolException}), authentication failed ({@link RfbAuthenticationException}), the server
 * refused us ({@link RfbConnectionRefusedException}), and so on. What the user sees is derived from these
 * types in exactly one place: {@code org.rfbridge.rfb.client.Failures}.
 */
public class RfbException extends IOException {
    private static final long serialVersionUID = 1L;

    public RfbException(String message) {
        super(message);
    }

    public RfbException(String message, Throwable cause) {
        super(message, cause);
    }
}
