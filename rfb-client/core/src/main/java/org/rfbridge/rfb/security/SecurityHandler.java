// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.security;

import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.io.RfbOutput;

/**
 * The type-specific part of the security handshake (RFC 6143 section 7.2), between the client choosing the
 * type and the server's SecurityResult. One instance serves one connection; it keeps its progress in fields.
 * Called only on the session thread.
 */
public interface SecurityHandler {
    /** The security type number this handler implements. */
    int type();

    /**
     * Consumes the server's bytes of this security type and writes the client's replies.
     *
     * @return true when the type-specific exchange is finished; false when more bytes from the server are
     *     needed (call again after they arrived; nothing is lost)
     * @throws RfbAuthenticationException when no password is available
     * @throws RfbException when the server sends something this handler cannot accept
     */
    boolean process(RfbInput in, RfbOutput out) throws RfbException;

    /**
     * Whether an authentication exchange took place (valid once {@link #process} returned true). Servers
     * before RFB 3.8 send a SecurityResult only when one did.
     */
    boolean authenticated();

    /**
     * Whether this handler switched the session to TightVNC's protocol extensions, after which the server
     * follows ServerInit with its capability lists.
     */
    default boolean enablesTightExtensions() {
        return false;
    }
}
