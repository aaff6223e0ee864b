// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

/** Security type numbers (RFC 6143 §7.1.2) and SecurityResult values (§7.1.3). */
final class SecurityTypes {

    static final int INVALID = 0;
    static final int NONE = 1;
    static final int VNC_AUTHENTICATION = 2;

    static final int RESULT_OK = 0;
    static final int RESULT_FAILED = 1;

    private SecurityTypes() {
    }
}
