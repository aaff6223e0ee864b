// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

/** A client gave a wrong VNC password; the failure was already reported to it. */
public final class AuthenticationFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String message) {
        super(message);
    }
}
