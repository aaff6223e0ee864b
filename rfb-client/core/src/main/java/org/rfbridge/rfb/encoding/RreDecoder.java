// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * RRE (RFC 6143 section 7.7.3): a count of subrectangles and a background pixel, then each subrectangle as a
 * pixel and its position and size within the rectangle. Subrectangles are painted as they arrive. Each must lie
 * inside the rectangle, and there may be no more of them than the rectangle has pixels: more could only
 * repaint the same pixels, for as long as the server likes to keep the client busy.
 */
public final class RreDecoder implements RectDecoder {
    private boolean headerRead;
    private long subrectsLeft;

    @Override
    public boolean decodeRect(Rect r, RfbInput in, PixelFormat pf, Framebuffer fb) throws RfbProtocolException {
        int bytesPerPixel = pf.bytesPerPixel();
        if (!headerRead) {
            if (!in.has(4 + bytesPerPixel)) {
                return false;
            }
            long count = in.readU32();
            if (count > r.area()) {
                throw new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, "RRE rectangle " + r + " claims " + count
                        + " subrectangles; it has only " + r.area() + " pixels");
            }
            int background = pf.readArgb(in);
            fb.fillRect(r.x(), r.y(), r.width(), r.height(), background);
            subrectsLeft = count;
            headerRead = true;
        }
        int subrectBytes = bytesPerPixel + 8;
        while (subrectsLeft > 0) {
            if (!in.has(subrectBytes)) {
                return false;
            }
            int colour = pf.readArgb(in);
            Rect sub = new Rect(in.readU16(), in.readU16(), in.readU16(), in.readU16());
            if (!sub.isInside(r.width(), r.height())) {
                throw new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, "RRE rectangle " + r + ": subrectangle "
                        + sub + " lies outside it");
            }
            fb.fillRect(r.x() + sub.x(), r.y() + sub.y(), sub.width(), sub.height(), colour);
            subrectsLeft--;
        }
        headerRead = false;
        return true;
    }
}
