// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.util.List;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.Rect;

/**
 * What an {@link RfbConnection} reports while it processes server bytes. All methods are called on the
 * thread that calls {@link RfbConnection#step()}, from inside that call; they default to doing nothing.
 */
public interface ConnectionEvents {
    /** The handshake is complete; input may be sent and updates will follow. */
    default void onHandshakeComplete(SessionInfo info) {
    }

    /**
     * A FramebufferUpdate message has been applied to {@code fb}. {@code dirty} lists the areas painted, in
     * order (possibly overlapping). Unless updates are acknowledged automatically, the next incremental
     * update is requested only once {@link RfbConnection#updateConsumed()} is called.
     */
    default void onFramebufferUpdate(Framebuffer fb, List<Rect> dirty) {
    }

    /** The desktop changed size; {@code fb} is the new (black) framebuffer, which replaces the old one. */
    default void onDesktopResized(Framebuffer fb) {
    }

    /** The server sent a new cursor image. */
    default void onCursorShape(CursorShape shape) {
    }

    /** The server rang the bell. */
    default void onBell() {
    }

    /** The server's clipboard changed (text decoded as ISO-8859-1, as RFB specifies). */
    default void onServerCutText(String text) {
    }
}
