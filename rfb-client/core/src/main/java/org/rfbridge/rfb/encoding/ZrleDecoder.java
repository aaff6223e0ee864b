// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import java.util.Arrays;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * ZRLE (RFC 6143 section 7.7.6): a length, then that many bytes of one zlib stream that lasts the whole
 * connection; inflated, they are the rectangle's 64x64 tiles, each raw, solid, palette-packed or run-length
 * coded, with "compressed pixels" of three bytes where a 32-bit format leaves a byte unused.
 *
 * <p>Compressed bytes are inflated as they arrive and each tile is painted as soon as its last byte is
 * inflated, so the decoder holds at most one tile and one inflated chunk, whatever the rectangle's size. The
 * compressed length is bounded before use by what the rectangle's tiles can take (five bytes a pixel for
 * single-pixel runs plus a palette per tile) plus zlib's worst-case overhead, and the inflated bytes by the
 * same bound; every palette index and run is checked against the palette and the tile. The zlib stream
 * continues from one rectangle to the next, but servers flush it after each one, so inflated bytes a rectangle
 * leaves over are an error, not the next rectangle's.
 */
public final class ZrleDecoder implements RectDecoder {
    private static final int TILE = 64;
    private static final int MAX_PALETTE = 127;
    /** The largest tile: single-pixel runs of four-byte pixels, each with its run byte, and the subencoding. */
    private static final int MAX_TILE_BYTES = 1 + 5 * TILE * TILE;

    /** Thrown inside a tile whose bytes are not all inflated yet; the tile is decoded again when they are. */
    private static final class Starved extends Exception {
        Starved() {
            super(null, null, false, false);
        }
    }

    private static final Starved STARVED = new Starved();

    private final ZlibStream zlib = new ZlibStream("ZRLE");
    private final int[] tile = new int[TILE * TILE];
    private final int[] palette = new int[MAX_PALETTE];

    // Inflated bytes not yet decoded: [readAt, inflated) of pending.
    private final byte[] pending = new byte[MAX_TILE_BYTES + ZlibStream.CHUNK];
    private int readAt;
    private int inflated;
    // When the rectangle's compressed bytes are all in, running out inside a tile is an error, not a wait.
    private boolean lastBytes;
    // A tile that ran out is tried again only once this many bytes are pending: twice what it ran out with, so
    // a server sending a byte at a time costs a few decodes of a tile, not one per byte.
    private int retryAt;

    // The rectangle in progress.
    private Rect rect;
    private PixelFormat format;
    private Framebuffer target;
    private int cpixelBytes;
    private boolean lengthRead;
    private long compressedLeft;
    private long inflatedCap;
    private long inflatedTotal;
    private int tileX;
    private int tileY;
    private long leftOver;

    @Override
    public boolean decodeRect(Rect r, RfbInput in, PixelFormat pf, Framebuffer fb) throws RfbProtocolException {
        if (!lengthRead) {
            if (!in.has(4)) {
                return false;
            }
            long length = in.readU32();
            long tiles = (long) ceilDiv(r.width(), TILE) * ceilDiv(r.height(), TILE);
            inflatedCap = 5L * r.width() * r.height() + (1 + 4L * MAX_PALETTE) * tiles;
            long compressedCap = inflatedCap + inflatedCap / 1000 + 1024;
            if (length > compressedCap) {
                throw new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, "ZRLE rectangle " + r + " claims " + length
                        + " compressed bytes; its tiles can take at most " + compressedCap);
            }
            compressedLeft = length;
            lengthRead = true;
            startRect(r, pf, fb);
        }
        compressedLeft = zlib.inflateFrom(in, compressedLeft, this::inflated);
        if (compressedLeft > 0) {
            return false;
        }
        lengthRead = false;
        lastBytes = true;
        decodeTiles();
        if (leftOver > 0) {
            // Servers flush the stream after every rectangle: what is left over belongs to no rectangle.
            throw new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, "ZRLE rectangle " + r + " leaves "
                    + leftOver + " inflated bytes undecoded");
        }
        return true;
    }

    private void startRect(Rect r, PixelFormat pf, Framebuffer fb) {
        rect = r;
        format = pf;
        target = fb;
        cpixelBytes = compressedPixelBytes(pf);
        readAt = 0;
        inflated = 0;
        inflatedTotal = 0;
        tileX = 0;
        tileY = 0;
        leftOver = 0;
        lastBytes = false;
        retryAt = 0;
    }

    private void inflated(byte[] data, int offset, int length) throws RfbProtocolException {
        inflatedTotal += length;
        if (inflatedTotal > inflatedCap) {
            throw new RfbProtocolException(ErrorCode.BAD_COMPRESSED_DATA, "ZRLE data inflates beyond the "
                    + inflatedCap + " bytes its rectangle's tiles can take");
        }
        if (tileY >= rect.height()) {
            leftOver += length;
            return;
        }
        if (pending.length - inflated < length) {
            System.arraycopy(pending, readAt, pending, 0, inflated - readAt);
            inflated -= readAt;
            readAt = 0;
        }
        System.arraycopy(data, offset, pending, inflated, length);
        inflated += length;
        if (inflated - readAt >= retryAt) {
            decodeTiles();
        }
    }

    /** Paints every tile whose bytes are all inflated; the rest of the pending bytes wait for more. */
    private void decodeTiles() throws RfbProtocolException {
        while (tileY < rect.height()) {
            int tw = Math.min(TILE, rect.width() - tileX);
            int th = Math.min(TILE, rect.height() - tileY);
            int tileStart = readAt;
            try {
                decodeTile(tw, th);
            } catch (Starved starved) {
                readAt = tileStart;
                retryAt = Math.min(2 * (inflated - readAt), MAX_TILE_BYTES);
                return;
            }
            retryAt = 0;
            target.setPixels(rect.x() + tileX, rect.y() + tileY, tw, th, tile, 0, tw);
            tileX += TILE;
            if (tileX >= rect.width()) {
                tileX = 0;
                tileY += TILE;
            }
        }
        leftOver += inflated - readAt;
        readAt = 0;
        inflated = 0;
    }

    private void decodeTile(int tw, int th) throws RfbProtocolException, Starved {
        int pixels = tw * th;
        int subencoding = u8();
        if (subencoding == 0) {
            for (int i = 0; i < pixels; i++) {
                tile[i] = cpixel();
            }
        } else if (subencoding == 1) {
            Arrays.fill(tile, 0, pixels, cpixel());
        } else if (subencoding <= 16) {
            readPalette(subencoding);
            int bits = subencoding == 2 ? 1 : subencoding <= 4 ? 2 : 4;
            int mask = (1 << bits) - 1;
            for (int y = 0; y < th; y++) {
                int shift = 8;
                int current = 0;
                for (int x = 0; x < tw; x++) {
                    if (shift == 8) {
                        current = u8();
                        shift = 0;
                    }
                    shift += bits;
                    int index = (current >>> (8 - shift)) & mask;
                    if (index >= subencoding) {
                        throw tileError("palette index " + index + " with " + subencoding + " colours");
                    }
                    tile[y * tw + x] = palette[index];
                }
            }
        } else if (subencoding == 128) {
            int done = 0;
            while (done < pixels) {
                int colour = cpixel();
                int run = runLength(pixels - done);
                Arrays.fill(tile, done, done + run, colour);
                done += run;
            }
        } else if (subencoding >= 130) {
            int size = subencoding - 128;
            readPalette(size);
            int done = 0;
            while (done < pixels) {
                int code = u8();
                int index = code & 0x7F;
                if (index >= size) {
                    throw tileError("palette index " + index + " with " + size + " colours");
                }
                int run = (code & 0x80) == 0 ? 1 : runLength(pixels - done);
                Arrays.fill(tile, done, done + run, palette[index]);
                done += run;
            }
        } else {
            throw tileError("unknown subencoding " + subencoding);
        }
    }

    private void readPalette(int size) throws RfbProtocolException, Starved {
        for (int i = 0; i < size; i++) {
            palette[i] = cpixel();
        }
    }

    /** A run's length: 1 plus its bytes, where each 255 means another byte follows; at most {@code left}. */
    private int runLength(int left) throws RfbProtocolException, Starved {
        int length = 1;
        int b;
        do {
            b = u8();
            length += b;
            if (length > left) {
                throw tileError("a run longer than the " + left + " pixels left in the tile");
            }
        } while (b == 255);
        return length;
    }

    private int u8() throws RfbProtocolException, Starved {
        if (readAt >= inflated) {
            ranOutInTile();
        }
        return pending[readAt++] & 0xFF;
    }

    private void ranOutInTile() throws RfbProtocolException, Starved {
        if (lastBytes) {
            throw tileError("the data ends inside the tile");
        }
        throw STARVED;
    }

    private int cpixel() throws RfbProtocolException, Starved {
        if (inflated - readAt < cpixelBytes) {
            ranOutInTile();
        }
        PixelFormat pf = format;
        int at = readAt;
        readAt += cpixelBytes;
        if (cpixelBytes == pf.bytesPerPixel()) {
            return pf.toArgb(pending, at);
        }
        int b0 = pending[at] & 0xFF;
        int b1 = pending[at + 1] & 0xFF;
        int b2 = pending[at + 2] & 0xFF;
        // The three bytes are the pixel's bytes in wire order with the unused one left out.
        int value = pf.bigEndian() ? b0 << 16 | b1 << 8 | b2 : b2 << 16 | b1 << 8 | b0;
        return pf.valueToArgb(fitsInLowBytes(pf) ? value : value << 8);
    }

    /** Three for true-colour 32-bit formats whose colour bits fit in three bytes, else the pixel size. */
    static int compressedPixelBytes(PixelFormat pf) {
        if (pf.trueColour() && pf.bitsPerPixel() == 32 && pf.depth() <= 24
                && (fitsInLowBytes(pf) || fitsInHighBytes(pf))) {
            return 3;
        }
        return pf.bytesPerPixel();
    }

    private static long colourBits(PixelFormat pf) {
        return ((long) pf.redMax() << pf.redShift()) | ((long) pf.greenMax() << pf.greenShift())
                | ((long) pf.blueMax() << pf.blueShift());
    }

    private static boolean fitsInLowBytes(PixelFormat pf) {
        return (colourBits(pf) & ~0xFF_FFFFL) == 0;
    }

    private static boolean fitsInHighBytes(PixelFormat pf) {
        return (colourBits(pf) & ~0xFFFF_FF00L) == 0;
    }

    private RfbProtocolException tileError(String what) {
        return new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, "ZRLE rectangle " + rect + ", tile at "
                + (rect.x() + tileX) + "," + (rect.y() + tileY) + ": " + what);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
