// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.util.List;
import org.rfbridge.demo.desktop.Rect;

/**
 * What one FramebufferUpdate will carry: an optional copy, applied first, then raw rectangles read from
 * the desktop, in the given pixel format.
 *
 * @param copy the CopyRect to send before the raw rectangles, or null
 */
record PendingUpdate(CopyOperation copy, List<Rect> raw, PixelFormat format) {

    int rectangleCount() {
        return raw.size() + (copy == null ? 0 : 1);
    }
}
