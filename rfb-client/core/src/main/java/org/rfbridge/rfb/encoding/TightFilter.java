// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * The rows of one Tight basic-compression rectangle, turned into pixels by the rectangle's filter (copy,
 * palette or gradient) and painted row by row as their bytes arrive, so that the decoder never holds more than
 * a row. Pixels are Tight's "TPIXEL"s: three bytes, red, green and blue, where the format is 32-bit with three
 * 8-bit channels, else the format's own pixels.
 */
final class TightFilter {
    static final int COPY = 0;
    static final int PALETTE = 1;
    static final int GRADIENT = 2;

    private final String owner;
    private final Rect rect;
    private final PixelFormat format;
    private final Framebuffer target;
    private final int filter;
    private final int[] palette;
    private final int pixelBytes;
    private final boolean tpixel;
    private final int rowBytes;
    private final byte[] row;
    private final int[] argb;
    // For the gradient filter: the previous row's channel values, three per pixel.
    private final int[] previous;
    private final int[] current;
    private final int[] channelMax;
    private final int[] channelShift;
    private int rowFill;
    private int rowsDone;

    /**
     * @param palette the palette's colours as ARGB for {@link #PALETTE}, else null
     */
    TightFilter(String owner, Rect rect, PixelFormat format, Framebuffer target, int filter, int[] palette)
            throws RfbProtocolException {
        this.owner = owner;
        this.rect = rect;
        this.format = format;
        this.target = target;
        this.filter = filter;
        this.palette = palette;
        this.tpixel = isTpixel(format);
        this.pixelBytes = pixelBytes(format);
        if (filter == GRADIENT && !format.trueColour()) {
            throw new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, owner
                    + ": the gradient filter needs a true-colour pixel format");
        }
        this.rowBytes = rowBytes(rect.width(), format, filter, palette == null ? 0 : palette.length);
        this.row = new byte[rowBytes];
        this.argb = new int[rect.width()];
        this.previous = filter == GRADIENT ? new int[3 * rect.width()] : null;
        this.current = filter == GRADIENT ? new int[3 * rect.width()] : null;
        this.channelMax = tpixel ? new int[] {255, 255, 255}
                : new int[] {format.redMax(), format.greenMax(), format.blueMax()};
        this.channelShift = new int[] {format.redShift(), format.greenShift(), format.blueShift()};
    }

    /** Whether pixels of {@code pf} are sent as three-byte TPIXELs. */
    static boolean isTpixel(PixelFormat pf) {
        return pf.trueColour() && pf.bitsPerPixel() == 32 && pf.depth() == 24 && pf.redMax() == 255
                && pf.greenMax() == 255 && pf.blueMax() == 255 && pf.redShift() % 8 == 0
                && pf.greenShift() % 8 == 0 && pf.blueShift() % 8 == 0;
    }

    /** Bytes of one pixel as Tight sends it in {@code pf}. */
    static int pixelBytes(PixelFormat pf) {
        return isTpixel(pf) ? 3 : pf.bytesPerPixel();
    }

    /** Bytes of one row of filtered data. */
    static int rowBytes(int width, PixelFormat pf, int filter, int paletteSize) {
        if (filter == PALETTE) {
            return paletteSize == 2 ? (width + 7) / 8 : width;
        }
        return width * pixelBytes(pf);
    }

    /** A pixel as Tight sends it, at {@code src[offset..]}, as opaque ARGB. */
    static int toArgb(PixelFormat pf, byte[] src, int offset) {
        if (isTpixel(pf)) {
            return 0xFF00_0000 | (src[offset] & 0xFF) << 16 | (src[offset + 1] & 0xFF) << 8 | (src[offset + 2] & 0xFF);
        }
        return pf.toArgb(src, offset);
    }

    /** Whether every row has been painted (an empty rectangle has none to paint). */
    boolean isComplete() {
        return rowsDone == rect.height() || rowBytes == 0;
    }

    /** How many bytes of data the rectangle's rows take. */
    long totalBytes() {
        return (long) rect.height() * rowBytes;
    }

    /** How many bytes of the rectangle's data are still to come. */
    long bytesLeft() {
        return (long) (rect.height() - rowsDone) * rowBytes - rowFill;
    }

    /** Takes the next bytes of filtered data, painting each row they complete. */
    void accept(byte[] data, int offset, int length) throws RfbProtocolException {
        if (length > bytesLeft()) {
            throw new RfbProtocolException(ErrorCode.BAD_COMPRESSED_DATA, owner + ": the data inflates beyond the "
                    + totalBytes() + " bytes its rows take");
        }
        int at = offset;
        int end = offset + length;
        while (at < end) {
            int n = Math.min(rowBytes - rowFill, end - at);
            System.arraycopy(data, at, row, rowFill, n);
            rowFill += n;
            at += n;
            if (rowFill == rowBytes) {
                paintRow();
                rowFill = 0;
                rowsDone++;
            }
        }
    }

    private void paintRow() throws RfbProtocolException {
        int width = rect.width();
        switch (filter) {
            case COPY -> {
                for (int x = 0, s = 0; x < width; x++, s += pixelBytes) {
                    argb[x] = toArgb(format, row, s);
                }
            }
            case PALETTE -> {
                for (int x = 0; x < width; x++) {
                    int index = palette.length == 2 ? (row[x >>> 3] >>> (7 - (x & 7))) & 1 : row[x] & 0xFF;
                    if (index >= palette.length) {
                        throw new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, owner + ": palette index " + index
                                + " with " + palette.length + " colours");
                    }
                    argb[x] = palette[index];
                }
            }
            default -> ungradient();
        }
        target.setPixels(rect.x(), rect.y() + rowsDone, width, 1, argb, 0, width);
    }

    /** Each channel was sent as its difference from left + above - above-left, clamped to the channel. */
    private void ungradient() {
        int[] max = channelMax;
        int[] shift = channelShift;
        for (int x = 0; x < rect.width(); x++) {
            int value = tpixel ? 0 : format.pixelValue(row, x * pixelBytes);
            for (int c = 0; c < 3; c++) {
                int difference = tpixel ? row[x * 3 + c] & 0xFF : (value >>> shift[c]) & max[c];
                int left = x > 0 ? current[3 * (x - 1) + c] : 0;
                int aboveLeft = x > 0 ? previous[3 * (x - 1) + c] : 0;
                int prediction = Math.max(0, Math.min(max[c], left + previous[3 * x + c] - aboveLeft));
                current[3 * x + c] = (prediction + difference) & max[c];
            }
            int r = current[3 * x];
            int g = current[3 * x + 1];
            int b = current[3 * x + 2];
            argb[x] = tpixel ? 0xFF00_0000 | r << 16 | g << 8 | b
                    : format.valueToArgb(r << shift[0] | g << shift[1] | b << shift[2]);
        }
        System.arraycopy(current, 0, previous, 0, current.length);
    }
}
