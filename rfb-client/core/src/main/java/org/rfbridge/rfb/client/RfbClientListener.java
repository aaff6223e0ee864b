// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.client;

import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.protocol.ConnectionEvents;

/**
 * What an {@link RfbClient} session reports: the connection's events ({@link ConnectionEvents}, passed through
 * as they are) and the end of the session. Every method is called on the session thread, in protocol order,
 * and must return quickly: hand work to your own thread (a UI thread, say). Exceptions thrown here are logged
 * and otherwise ignored. All methods default to doing nothing.
 *
 * <p>{@link #onFramebufferUpdate}: {@code fb} may be read (from any thread) until you call
 * {@link RfbClient#updateConsumed()}, which lets the next update be requested and written into {@code fb};
 * with auto-acknowledgement the session does not wait, so copy what you need inside the call.
 */
public interface RfbClientListener extends ConnectionEvents {
    /**
     * The session is over; called exactly once, last.
     *
     * @param cause why, or null when {@link RfbClient#close()} ended it; {@link Failures#describe} turns it
     *     into the line to show
     */
    default void onDisconnected(RfbException cause) {
    }
}
