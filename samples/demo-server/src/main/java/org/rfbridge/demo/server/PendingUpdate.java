// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.util.List;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.rfb.pixel.PixelFormat;

/**
 * What one FramebufferUpdate will carry: an optional copy, applied first, then raw rectangles read from
 * the desktop, in the given pixel format — or, after a resize, only the new size.
 *
 * @param copy        the CopyRect to send before the raw rectangles, or null
 * @param desktopSize the new framebuffer size to announce with the DesktopSize pseudo-encoding, or null;
 *                    when set, {@code copy} is null and {@code raw} empty
 */
record PendingUpdate(CopyOperation copy, List<Rect> raw, Rect desktopSize, PixelFormat format) {

    /** An update announcing the new size {@code screen} and nothing else. */
    static PendingUpdate desktopSize(Rect screen, PixelFormat format) {
        return new PendingUpdate(null, List.of(), screen, format);
    }

    int rectangleCount() {
        return raw.size() + (copy == null ? 0 : 1) + (desktopSize == null ? 0 : 1);
    }
}
