// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

/** SecurityResult values (RFC 6143 §7.1.3); the security type numbers are the core library's. */
final class SecurityResult {

    static final int OK = 0;
    static final int FAILED = 1;

    private SecurityResult() {
    }
}
