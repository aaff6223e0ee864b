// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.util.List;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * Acts on what {@link ServerMessageReader} parsed; the reader itself changes nothing outside itself. Called
 * on the session thread.
 */
public interface ServerMessageHandler {
    /** The format rectangles are decoded in now. */
    PixelFormat pixelFormat();

    /** The framebuffer rectangles are painted into now. */
    Framebuffer framebuffer();

    /** A FramebufferUpdate is complete; {@code dirty} lists the painted areas in order. */
    void framebufferUpdate(List<Rect> dirty);

    /** DesktopSize: replace the framebuffer. */
    void desktopSizeChanged(int width, int height) throws RfbProtocolException;

    /**
     * ExtendedDesktopSize: {@code reason} 0 server, 1 this client, 2 another client; {@code status} 0 done (the
     * layout is validated against the size), else refused. The handler replaces the framebuffer if the size changed.
     */
    void extendedDesktopSize(int reason, int status, int width, int height, ScreenLayout layout)
            throws RfbProtocolException;

    /** A Fence; {@code flags} as sent, Request included. */
    void fence(int flags, byte[] payload);

    /** EndOfContinuousUpdates: the server has them, or ended them. */
    void endOfContinuousUpdates();

    void cursorShapeChanged(CursorShape shape);

    /** SetColourMapEntries: {@code argb.length} entries starting at {@code firstColour}. */
    void colourMapEntries(int firstColour, int[] argb);

    void bell();

    void serverCutText(String text);

    /** An ExtendedClipboard message: its flags (exactly one action, checked) and the data after them. */
    void extendedClipboard(int flags, byte[] data) throws RfbProtocolException;

    /** Clipboard text the viewer will not get, in words. */
    void clipboardDropped(String message);

    /** The server takes QEMU extended key events. */
    void extendedKeyEventsOffered();

    /** QEMU LED state: bit 0 Scroll Lock, bit 1 Num Lock, bit 2 Caps Lock. */
    void ledState(int state);

    /** DesktopName: the desktop's new name. */
    void desktopName(String name);

    /** XVP: {@code code} 1 (init, the server takes power actions) or 0 (the last action failed). */
    void xvp(int version, int code);
}
