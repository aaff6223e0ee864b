// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.security;

import org.rfbridge.rfb.RfbException;

/**
 * Supplies the VNC password when, and only when, the server asks for one. Called on the session thread; it
 * may block (for example to prompt the user). The caller wipes the returned array after use.
 */
@FunctionalInterface
public interface PasswordProvider {
    /** A provider that never has a password. */
    PasswordProvider NONE = () -> null;

    /**
     * @return the password, or null when none is available (authentication then fails with a clear message)
     */
    char[] password() throws RfbException;

    /** A provider returning a copy of {@code password} each time it is asked. */
    static PasswordProvider of(char[] password) {
        char[] kept = password.clone();
        return kept::clone;
    }

    /** A provider returning {@code password}. */
    static PasswordProvider of(String password) {
        return of(password.toCharArray());
    }
}
