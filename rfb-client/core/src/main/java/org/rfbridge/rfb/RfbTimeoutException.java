// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb;

/**
 * A phase of the session did not finish in time (for example the server accepted the connection and then
 * sent nothing).
 */
public class RfbTimeoutException extends RfbException {
    private static final long serialVersionUID = 1L;

    public RfbTimeoutException(String message) {
        super(ErrorCode.TIMEOUT, message);
    }

    public RfbTimeoutException(String message, Throwable cause) {
        super(ErrorCode.TIMEOUT, message, cause);
    }
}
