// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb;

/**
 * The server refused the connection before authentication, with the reason string it sent (for example
 * "Too many security failures").
 */
public class RfbConnectionRefusedException extends RfbException {
    private static final long serialVersionUID = 1L;

    public RfbConnectionRefusedException(String message) {
        super(ErrorCode.CONNECTION_REFUSED, message);
    }

    public RfbConnectionRefusedException(String message, Throwable cause) {
        super(ErrorCode.CONNECTION_REFUSED, message, cause);
    }
}
