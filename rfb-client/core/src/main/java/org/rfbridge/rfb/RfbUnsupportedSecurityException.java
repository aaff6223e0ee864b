// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb;

/**
 * The server offers no security type (or, inside TightVNC's type 16, no tunnel or authentication
 * capability) that this client supports. The message lists what the server offered.
 */
public class RfbUnsupportedSecurityException extends RfbException {
    private static final long serialVersionUID = 1L;

    public RfbUnsupportedSecurityException(String message) {
        super(ErrorCode.NO_COMMON_SECURITY, message);
    }

    public RfbUnsupportedSecurityException(String message, Throwable cause) {
        super(ErrorCode.NO_COMMON_SECURITY, message, cause);
    }
}
