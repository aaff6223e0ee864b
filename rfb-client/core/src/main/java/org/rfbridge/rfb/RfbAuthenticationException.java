// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb;

/**
 * Authentication did not succeed: the server rejected the password (its reason string, if it sent one, is
 * the message), or a password was needed and none was available. Never used for protocol violations.
 */
public class RfbAuthenticationException extends RfbException {
    private static final long serialVersionUID = 1L;

    public RfbAuthenticationException(String message) {
        super(ErrorCode.AUTH_FAILED, message);
    }

    public RfbAuthenticationException(String message, Throwable cause) {
        super(ErrorCode.AUTH_FAILED, message, cause);
    }

    public RfbAuthenticationException(ErrorCode code, String message) {
        super(code, message);
    }

    public RfbAuthenticationException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
