// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * CopyRect encoding (RFC 6143 section 7.7.2): copy an area of the framebuffer, given by its top-left corner,
 * to the rectangle. The source area is checked against the framebuffer like any rectangle from the server.
 */
public final class CopyRectDecoder implements RectDecoder {
    @Override
    public boolean decodeRect(Rect r, RfbInput in, PixelFormat pf, Framebuffer fb) throws RfbProtocolException {
        if (!in.has(4)) {
            return false;
        }
        int srcX = in.readU16();
        int srcY = in.readU16();
        if (!fb.contains(srcX, srcY, r.width(), r.height())) {
            throw new RfbProtocolException(ErrorCode.RECT_OUT_OF_BOUNDS, "CopyRect source " + new Rect(srcX, srcY, r.width(), r.height())
                    + " lies outside the " + fb.width() + "x" + fb.height() + " framebuffer");
        }
        fb.copyRect(srcX, srcY, r.x(), r.y(), r.width(), r.height());
        return true;
    }
}
