// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.util.List;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.rfb.pixel.PixelFormat;

/**
 * What one FramebufferUpdate will carry: pseudo-encoding rectangles first (a new size, the screen layout,
 * announcements), then an optional copy, then raw rectangles read from the desktop, in the given pixel
 * format. After a resize it carries only pseudo rectangles.
 *
 * @param pseudo rectangles without pixels, in the order to send
 * @param copy   the CopyRect to send before the raw rectangles, or null
 */
record PendingUpdate(List<PseudoRect> pseudo, CopyOperation copy, List<Rect> raw, PixelFormat format) {

    PendingUpdate {
        pseudo = List.copyOf(pseudo);
        raw = List.copyOf(raw);
    }

    int rectangleCount() {
        return pseudo.size() + raw.size() + (copy == null ? 0 : 1);
    }
}
