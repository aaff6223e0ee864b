// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * Raw encoding (RFC 6143 section 7.7.1): width x height pixels, row by row. Paints whatever whole pixels
 * have arrived, so a large rectangle never needs to be buffered whole, and converts them where they lie in
 * the input buffer (no intermediate copy: Raw is the bulk path).
 */
public final class RawDecoder implements RectDecoder {
    private int row;
    private int column;

    @Override
    public boolean decodeRect(Rect r, RfbInput in, PixelFormat pf, Framebuffer fb) {
        int bytesPerPixel = pf.bytesPerPixel();
        if (r.isEmpty()) {
            return true;
        }
        while (row < r.height()) {
            int count = Math.min(r.width() - column, in.available() / bytesPerPixel);
            if (count == 0) {
                return false;
            }
            int x = r.x() + column;
            int y = r.y() + row;
            int pixels = count;
            in.consume(count * bytesPerPixel, (array, offset, length) -> fb.putPixels(x, y, pixels, array, offset, pf));
            column += count;
            if (column == r.width()) {
                column = 0;
                row++;
            }
        }
        row = 0;
        return true;
    }
}
