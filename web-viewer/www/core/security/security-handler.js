// SPDX-License-Identifier: Apache-2.0

/**
 * The shape of every security handler (the Java core's SecurityHandler): the type-specific part of
 * the handshake, between the client choosing the type and the server's SecurityResult. One instance
 * serves one connection and keeps its progress in fields; it runs on the page's one thread.
 *
 * - `type`: the security type number.
 * - `process(input, out, credentials)`: consumes the server's bytes of this type from `input`
 *   (an RfbInput) and writes the client's replies to `out` (an RfbOutput). Returns true when the
 *   exchange is finished, false when it needs more bytes or a password. `credentials` has
 *   `password` (undefined until given), `cancelled` (the user declined to give one) and
 *   `request(types)`, which the handler calls once when it waits for a password; it is processed
 *   again once one is given. Throws RfbError on bad input.
 * - `authenticated()`: whether an authentication exchange took place (valid once process returned
 *   true); servers before RFB 3.8 send a SecurityResult only when one did.
 * - `enablesTightExtensions()`: whether the server follows ServerInit with TightVNC's capability
 *   lists.
 */
export class SecurityHandlerBase {
    constructor(type) {
        this.type = type;
    }

    enablesTightExtensions() {
        return false;
    }
}
