// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.rfb.pixel.PixelFormat;

/**
 * What a {@link ClientMessageReader} found, one call per client message, already validated. Called on the
 * session's reader thread.
 */
interface ClientMessageHandler {

    /** SetPixelFormat with a format that passed {@link ServedPixelFormats#requireServable}. */
    void setPixelFormat(PixelFormat format);

    /** SetEncodings, summarised: which encodings the demo can use were listed. */
    void setEncodings(boolean copyRect, boolean desktopSize, int listed);

    /**
     * FramebufferUpdateRequest for {@code area} as sent; not clipped here, because only the update state
     * knows the size the client is at (a client may still ask for an area of a size it saw earlier).
     */
    void updateRequest(boolean incremental, Rect area);

    void keyEvent(boolean down, int keysym);

    /** PointerEvent; coordinates are as sent (16-bit), not yet clamped. */
    void pointerEvent(int buttonMask, int x, int y);

    /** ClientCutText within the size limit, decoded as Latin-1. */
    void cutText(String text);

    /** ClientCutText over the size limit: its bytes were read and thrown away. */
    void cutTextSkipped(long length);
}
