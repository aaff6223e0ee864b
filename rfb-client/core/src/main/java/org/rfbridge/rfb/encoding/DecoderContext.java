// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.pixel.CursorShape;

/**
 * What pseudo-encoding decoders report to the connection, which owns the framebuffer and the listeners.
 * Called on the session thread from inside {@link RectDecoder#decodeRect}.
 */
public interface DecoderContext {
    /** The server changed the desktop size (DesktopSize); the connection replaces the framebuffer. */
    void desktopSizeChanged(int width, int height) throws RfbProtocolException;

    /** The server sent a new cursor image (Cursor). */
    void cursorShapeChanged(CursorShape shape);

    /** The server marked the end of this FramebufferUpdate early (LastRect). */
    void lastRect();
}
