// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.client;

import java.util.List;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.Rect;
import org.rfbridge.rfb.protocol.SessionInfo;

/**
 * What an {@link RfbClient} session reports. Every method is called on the session thread, in protocol
 * order, and must return quickly: hand work to your own thread (a UI thread, say). Exceptions thrown here are
 * logged and otherwise ignored. All methods default to doing nothing.
 */
public interface RfbClientListener {
    /** The handshake is complete. */
    default void onConnected(SessionInfo info) {
    }

    /** The desktop's name (from ServerInit), right after {@link #onConnected}. */
    default void onDesktopName(String name) {
    }

    /**
     * A FramebufferUpdate has been applied. {@code fb} may be read (from any thread) until you call
     * {@link RfbClient#updateConsumed()}, which lets the next update be requested; {@code dirty} lists the
     * changed areas. With auto-acknowledgement the session does not wait, so copy what you need here.
     */
    default void onFramebufferUpdate(Framebuffer fb, List<Rect> dirty) {
    }

    /** The desktop changed size; {@code fb} replaces the previous framebuffer. */
    default void onDesktopResized(Framebuffer fb) {
    }

    /** The server's cursor image changed; draw it at the pointer position. */
    default void onCursorShape(CursorShape shape) {
    }

    default void onBell() {
    }

    /** The server's clipboard text changed. */
    default void onClipboard(String text) {
    }

    /**
     * The session is over; called exactly once, last.
     *
     * @param cause why, or null when {@link RfbClient#close()} ended it; {@link Failures#describe} turns it
     *     into the line to show
     */
    default void onDisconnected(RfbException cause) {
    }
}
