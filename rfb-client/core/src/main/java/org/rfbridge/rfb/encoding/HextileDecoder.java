// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * Hextile (RFC 6143 section 7.7.4): the rectangle in 16x16 tiles, left to right and top to bottom, each either
 * raw pixels or a background with subrectangles in one foreground colour or each in its own. A background or
 * foreground a tile does not give is the previous tile's.
 *
 * <p>A tile is decoded only once all its bytes are in: its first bytes say how long it is, so the decoder
 * looks ahead without consuming and waits otherwise. Subencoding bits beyond the five the RFC defines, and
 * subrectangles outside their tile, are errors.
 */
public final class HextileDecoder implements RectDecoder {
    private static final int TILE = 16;
    private static final int RAW = 1;
    private static final int BACKGROUND_SPECIFIED = 2;
    private static final int FOREGROUND_SPECIFIED = 4;
    private static final int ANY_SUBRECTS = 8;
    private static final int SUBRECTS_COLOURED = 16;

    private boolean started;
    private int tileX;
    private int tileY;
    private int background;
    private int foreground;

    @Override
    public boolean decodeRect(Rect r, RfbInput in, PixelFormat pf, Framebuffer fb) throws RfbProtocolException {
        if (r.isEmpty()) {
            return true;
        }
        if (!started) {
            started = true;
            tileX = 0;
            tileY = 0;
            background = pf.valueToArgb(0);
            foreground = background;
        }
        int bytesPerPixel = pf.bytesPerPixel();
        while (tileY < r.height()) {
            int tw = Math.min(TILE, r.width() - tileX);
            int th = Math.min(TILE, r.height() - tileY);
            if (!in.has(1)) {
                return false;
            }
            int subencoding = in.peekU8(0);
            int length = tileLength(r, subencoding, tw, th, bytesPerPixel, in);
            if (length < 0 || !in.has(length)) {
                return false;
            }
            in.skip(1);
            int x = r.x() + tileX;
            int y = r.y() + tileY;
            if ((subencoding & RAW) != 0) {
                for (int row = 0; row < th; row++) {
                    int rowY = y + row;
                    in.consume(tw * bytesPerPixel, (array, offset, n) -> fb.putPixels(x, rowY, tw, array, offset, pf));
                }
            } else {
                decodeSubrects(r, subencoding, x, y, tw, th, in, pf, fb);
            }
            tileX += TILE;
            if (tileX >= r.width()) {
                tileX = 0;
                tileY += TILE;
            }
        }
        started = false;
        return true;
    }

    /** The tile's length in bytes, or -1 when too few of them are in to tell. */
    private int tileLength(Rect r, int subencoding, int tw, int th, int bytesPerPixel, RfbInput in)
            throws RfbProtocolException {
        if (subencoding > (RAW | BACKGROUND_SPECIFIED | FOREGROUND_SPECIFIED | ANY_SUBRECTS | SUBRECTS_COLOURED)) {
            throw tileError(r, "unknown subencoding bits in " + subencoding);
        }
        if ((subencoding & RAW) != 0) {
            return 1 + tw * th * bytesPerPixel;
        }
        int length = 1;
        if ((subencoding & BACKGROUND_SPECIFIED) != 0) {
            length += bytesPerPixel;
        }
        if ((subencoding & FOREGROUND_SPECIFIED) != 0) {
            length += bytesPerPixel;
        }
        if ((subencoding & ANY_SUBRECTS) != 0) {
            if (!in.has(length + 1)) {
                return -1;
            }
            int count = in.peekU8(length);
            int each = (subencoding & SUBRECTS_COLOURED) != 0 ? bytesPerPixel + 2 : 2;
            length += 1 + count * each;
        }
        return length;
    }

    private void decodeSubrects(Rect r, int subencoding, int x, int y, int tw, int th, RfbInput in, PixelFormat pf,
            Framebuffer fb) throws RfbProtocolException {
        if ((subencoding & BACKGROUND_SPECIFIED) != 0) {
            background = pf.readArgb(in);
        }
        if ((subencoding & FOREGROUND_SPECIFIED) != 0) {
            foreground = pf.readArgb(in);
        }
        fb.fillRect(x, y, tw, th, background);
        if ((subencoding & ANY_SUBRECTS) == 0) {
            return;
        }
        boolean coloured = (subencoding & SUBRECTS_COLOURED) != 0;
        int count = in.readU8();
        for (int i = 0; i < count; i++) {
            int colour = coloured ? pf.readArgb(in) : foreground;
            int position = in.readU8();
            int size = in.readU8();
            int sx = position >>> 4;
            int sy = position & 0xF;
            int sw = (size >>> 4) + 1;
            int sh = (size & 0xF) + 1;
            if (sx + sw > tw || sy + sh > th) {
                throw tileError(r, "subrectangle " + new Rect(sx, sy, sw, sh) + " lies outside the " + tw + "x" + th
                        + " tile");
            }
            fb.fillRect(x + sx, y + sy, sw, sh, colour);
        }
    }

    private RfbProtocolException tileError(Rect r, String what) {
        started = false;
        return new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, "Hextile rectangle " + r + ", tile at "
                + (r.x() + tileX) + "," + (r.y() + tileY) + ": " + what);
    }
}
