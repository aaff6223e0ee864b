// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
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
 * <p>Compressed bytes are inflated as they arrive, so nothing waits in the input buffer; the tiles are decoded
 * once the rectangle's last compressed byte is in. Inflated data is bounded by what the rectangle's tiles can
 * take (five bytes a pixel for single-pixel runs plus a palette per tile) and the compressed length by that
 * plus zlib's worst-case overhead, both checked before use; every palette index and run is checked against
 * the palette and the tile. The zlib stream continues from one rectangle to the next, but servers flush it
 * after each one, so inflated bytes a rectangle leaves over are an error, not the next rectangle's.
 */
public final class ZrleDecoder implements RectDecoder {
    private static final int TILE = 64;
    private static final int MAX_PALETTE = 127;

    private final Inflater inflater = new Inflater();
    private final int[] tile = new int[TILE * TILE];
    private final int[] palette = new int[MAX_PALETTE];

    // The inflated stream: bytes [readAt, inflated) are not yet decoded.
    private byte[] stream = new byte[64 * 1024];
    private int readAt;
    private int inflated;

    // The rectangle in progress.
    private boolean lengthRead;
    private long compressedLeft;
    private long inflatedCap;
    private RfbProtocolException inflateFailure;

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
        }
        while (compressedLeft > 0 && in.available() > 0) {
            int count = (int) Math.min(compressedLeft, in.available());
            in.consume(count, this::inflate);
            compressedLeft -= count;
            if (inflateFailure != null) {
                RfbProtocolException failure = inflateFailure;
                inflateFailure = null;
                throw failure;
            }
        }
        if (compressedLeft > 0) {
            return false;
        }
        lengthRead = false;
        decodeTiles(r, pf, fb);
        return true;
    }

    private void inflate(byte[] array, int offset, int length) {
        if (inflateFailure != null) {
            return;
        }
        inflater.setInput(array, offset, length);
        int stalls = 0;
        try {
            while (!inflater.needsInput()) {
                if (inflater.finished() || inflater.needsDictionary()) {
                    inflateFailure = new RfbProtocolException(ErrorCode.BAD_COMPRESSED_DATA,
                            "ZRLE zlib stream ended or asked for a dictionary");
                    return;
                }
                if (inflated == stream.length && !grow()) {
                    return;
                }
                int produced = inflater.inflate(stream, inflated, stream.length - inflated);
                inflated += produced;
                if (inflated > inflatedCap) {
                    inflateFailure = tooMuch();
                    return;
                }
                stalls = produced == 0 ? stalls + 1 : 0;
                if (stalls > 2) {
                    inflateFailure = new RfbProtocolException(ErrorCode.BAD_COMPRESSED_DATA,
                            "ZRLE zlib stream makes no progress");
                    return;
                }
            }
            if (inflater.finished()) {
                // The stream must last the connection; a server that ends it has nothing more to say in it.
                inflateFailure = new RfbProtocolException(ErrorCode.BAD_COMPRESSED_DATA,
                        "ZRLE zlib stream ended or asked for a dictionary");
            }
        } catch (DataFormatException e) {
            inflateFailure = new RfbProtocolException(ErrorCode.BAD_COMPRESSED_DATA, "ZRLE data is not valid zlib", e);
        }
    }

    private RfbProtocolException tooMuch() {
        return new RfbProtocolException(ErrorCode.BAD_COMPRESSED_DATA, "ZRLE data inflates beyond the " + inflatedCap
                + " bytes its rectangle's tiles can take");
    }

    /**
     * Makes room for more inflated bytes, up to one byte past the rectangle's bound (so that going past it
     * shows); false (with the failure set) when the buffer is already that large.
     */
    private boolean grow() {
        if (stream.length > inflatedCap) {
            inflateFailure = tooMuch();
            return false;
        }
        long larger = Math.min(inflatedCap + 1, 2L * stream.length);
        stream = Arrays.copyOf(stream, (int) larger);
        return true;
    }

    private void decodeTiles(Rect r, PixelFormat pf, Framebuffer fb) throws RfbProtocolException {
        int cpixelBytes = compressedPixelBytes(pf);
        for (int ty = 0; ty < r.height(); ty += TILE) {
            int th = Math.min(TILE, r.height() - ty);
            for (int tx = 0; tx < r.width(); tx += TILE) {
                int tw = Math.min(TILE, r.width() - tx);
                decodeTile(r, tx, ty, tw, th, pf, cpixelBytes);
                fb.setPixels(r.x() + tx, r.y() + ty, tw, th, tile, 0, tw);
            }
        }
        if (readAt != inflated) {
            // Servers flush the stream after every rectangle: what is left over belongs to no rectangle.
            throw new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, "ZRLE rectangle " + r + " leaves "
                    + (inflated - readAt) + " inflated bytes undecoded");
        }
        readAt = 0;
        inflated = 0;
    }

    private void decodeTile(Rect r, int tx, int ty, int tw, int th, PixelFormat pf, int cpixelBytes)
            throws RfbProtocolException {
        int pixels = tw * th;
        int subencoding = u8(r, tx, ty);
        if (subencoding == 0) {
            for (int i = 0; i < pixels; i++) {
                tile[i] = cpixel(r, tx, ty, pf, cpixelBytes);
            }
        } else if (subencoding == 1) {
            Arrays.fill(tile, 0, pixels, cpixel(r, tx, ty, pf, cpixelBytes));
        } else if (subencoding <= 16) {
            readPalette(subencoding, r, tx, ty, pf, cpixelBytes);
            int bits = subencoding == 2 ? 1 : subencoding <= 4 ? 2 : 4;
            int mask = (1 << bits) - 1;
            for (int y = 0; y < th; y++) {
                int shift = 8;
                int current = 0;
                for (int x = 0; x < tw; x++) {
                    if (shift == 8) {
                        current = u8(r, tx, ty);
                        shift = 0;
                    }
                    shift += bits;
                    int index = (current >>> (8 - shift)) & mask;
                    if (index >= subencoding) {
                        throw tileError(r, tx, ty, "palette index " + index + " with " + subencoding + " colours");
                    }
                    tile[y * tw + x] = palette[index];
                }
            }
        } else if (subencoding == 128) {
            int done = 0;
            while (done < pixels) {
                int colour = cpixel(r, tx, ty, pf, cpixelBytes);
                int run = runLength(r, tx, ty, pixels - done);
                Arrays.fill(tile, done, done + run, colour);
                done += run;
            }
        } else if (subencoding >= 130) {
            int size = subencoding - 128;
            readPalette(size, r, tx, ty, pf, cpixelBytes);
            int done = 0;
            while (done < pixels) {
                int code = u8(r, tx, ty);
                int index = code & 0x7F;
                if (index >= size) {
                    throw tileError(r, tx, ty, "palette index " + index + " with " + size + " colours");
                }
                int run = (code & 0x80) == 0 ? 1 : runLength(r, tx, ty, pixels - done);
                Arrays.fill(tile, done, done + run, palette[index]);
                done += run;
            }
        } else {
            throw tileError(r, tx, ty, "unknown subencoding " + subencoding);
        }
    }

    private void readPalette(int size, Rect r, int tx, int ty, PixelFormat pf, int cpixelBytes)
            throws RfbProtocolException {
        for (int i = 0; i < size; i++) {
            palette[i] = cpixel(r, tx, ty, pf, cpixelBytes);
        }
    }

    /** A run's length: 1 plus its bytes, where each 255 means another byte follows; at most {@code left}. */
    private int runLength(Rect r, int tx, int ty, int left) throws RfbProtocolException {
        int length = 1;
        int b;
        do {
            b = u8(r, tx, ty);
            length += b;
            if (length > left) {
                throw tileError(r, tx, ty, "a run longer than the " + left + " pixels left in the tile");
            }
        } while (b == 255);
        return length;
    }

    private int u8(Rect r, int tx, int ty) throws RfbProtocolException {
        if (readAt >= inflated) {
            throw tileError(r, tx, ty, "the data ends inside the tile");
        }
        return stream[readAt++] & 0xFF;
    }

    private int cpixel(Rect r, int tx, int ty, PixelFormat pf, int cpixelBytes) throws RfbProtocolException {
        if (inflated - readAt < cpixelBytes) {
            throw tileError(r, tx, ty, "the data ends inside the tile");
        }
        int at = readAt;
        readAt += cpixelBytes;
        if (cpixelBytes == pf.bytesPerPixel()) {
            return pf.toArgb(stream, at);
        }
        int b0 = stream[at] & 0xFF;
        int b1 = stream[at + 1] & 0xFF;
        int b2 = stream[at + 2] & 0xFF;
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

    private static RfbProtocolException tileError(Rect r, int tx, int ty, String what) {
        return new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, "ZRLE rectangle " + r + ", tile at " + (r.x() + tx) + "," + (r.y() + ty)
                + ": " + what);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
