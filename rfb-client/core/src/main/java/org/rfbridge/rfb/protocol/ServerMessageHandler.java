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

    void cursorShapeChanged(CursorShape shape);

    /** SetColourMapEntries: {@code argb.length} entries starting at {@code firstColour}. */
    void colourMapEntries(int firstColour, int[] argb);

    void bell();

    void serverCutText(String text);
}
