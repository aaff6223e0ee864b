// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.util.List;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.Rect;

/**
 * What a session reports, from the {@link RfbConnection} through {@code RfbClient} (whose
 * {@code RfbClientListener} adds only the end of the session) to the application: one listener type, the same
 * names all the way. All methods are called on the session thread, in protocol order, from inside
 * {@link RfbConnection#step()}, and must return quickly; they default to doing nothing.
 */
public interface ConnectionEvents {
    /** The handshake is complete; input may be sent and updates will follow. {@code info} has the desktop's name. */
    default void onConnected(SessionInfo info) {
    }

    /**
     * A FramebufferUpdate message has been applied to {@code fb}. {@code dirty} lists the areas painted, in
     * order (possibly overlapping). Unless updates are acknowledged automatically, the next incremental update
     * is requested only once the consumer says it has taken the pixels ({@link RfbConnection#updateConsumed()});
     * until then the session does not write to {@code fb}. An update with nothing in {@code dirty} needs no
     * acknowledgement (one in order after drawing is harmless).
     */
    default void onFramebufferUpdate(Framebuffer fb, List<Rect> dirty) {
    }

    /**
     * The desktop changed size; {@code fb} is the new framebuffer (what overlaps the old one is kept, the rest
     * is black), which replaces the old one.
     */
    default void onDesktopResized(Framebuffer fb) {
    }

    /** The server refused the desktop size this client asked for; {@code reason} is in words. */
    default void onDesktopResizeRefused(String reason) {
    }

    /** The server sent a new cursor image. */
    default void onCursorShape(CursorShape shape) {
    }

    /** The server rang the bell. */
    default void onBell() {
    }

    /**
     * The server's clipboard changed: UTF-8 text through the extended clipboard, else ISO-8859-1 as RFB
     * specifies; line ends are LF.
     */
    default void onClipboard(String text) {
    }

    /** Clipboard text that did not pass, either way (too big, not UTF-8): {@code message} says why, for the user. */
    default void onClipboardDropped(String message) {
    }

    /** QEMU's lock-key state: bit 0 Scroll Lock, bit 1 Num Lock, bit 2 Caps Lock. */
    default void onLedState(int state) {
    }

    /** The desktop has a new name. */
    default void onDesktopName(String name) {
    }

    /** The server takes XVP power actions ({@link RfbConnection#sendXvp}). */
    default void onXvpAvailable(int version) {
    }

    /** The server says the last power action failed. */
    default void onXvpFailed() {
    }
}
