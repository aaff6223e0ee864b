// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * Raw encoding (RFC 6143 section 7.7.1): width x height pixels, row by row. Paints whatever whole pixels
 * have arrived, so a large rectangle never needs to be buffered whole.
 */
public final class RawDecoder implements RectDecoder {
    private int row;
    private int column;
    private byte[] scratch = new byte[0];

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
            int bytes = count * bytesPerPixel;
            if (scratch.length < bytes) {
                scratch = new byte[bytes];
            }
            in.readBytes(scratch, 0, bytes);
            fb.putPixels(r.x() + column, r.y() + row, count, scratch, 0, pf);
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
