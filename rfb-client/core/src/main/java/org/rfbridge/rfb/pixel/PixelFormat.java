// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.pixel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.io.RfbOutput;

/**
 * How pixel values are laid out on the wire (RFC 6143 section 7.4), and their conversion to ARGB.
 *
 * <p>Instances are immutable and may be shared between threads. Constructing one does not validate it, so
 * that a hostile server's format can be represented and reported: call {@link #validate()} before
 * decoding with a format that came from the network. Equality covers the 16 wire bytes only, not the
 * {@link #colourMap() colour map} a colour-map format carries for conversion.
 */
public final class PixelFormat {
    /** Size of the structure on the wire. */
    public static final int WIRE_SIZE = 16;

    /** What the client asks for by default: 32 bits, depth 24, little-endian, true colour, XRGB. */
    public static final PixelFormat RGB888 = trueColour(32, 24, false, 255, 255, 255, 16, 8, 0);
    /** 16-bit 5-6-5 true colour, little-endian. */
    public static final PixelFormat RGB565 = trueColour(16, 16, false, 31, 63, 31, 11, 5, 0);
    /** 8-bit 3-3-2 true colour (blue in the top bits, as the classic "BGR233" format). */
    public static final PixelFormat BGR233 = trueColour(8, 8, false, 7, 7, 3, 0, 3, 6);

    // Pixels per bulk step of the direct path: small enough that the alpha pass finds them in the L1 cache.
    private static final int DIRECT_CHUNK = 2048;

    private final int bitsPerPixel;
    private final int depth;
    private final boolean bigEndian;
    private final boolean trueColour;
    private final int redMax;
    private final int greenMax;
    private final int blueMax;
    private final int redShift;
    private final int greenShift;
    private final int blueShift;
    private final ColourMap colourMap;

    // Channel value -> its 8-bit value already in ARGB position; null until a true-colour format needs them.
    private final int[] redTable;
    private final int[] greenTable;
    private final int[] blueTable;
    // 32-bit formats with 8-bit channels on byte boundaries skip the tables; these are byte indices or -1.
    private final int redByte;
    private final int greenByte;
    private final int blueByte;
    // 32-bit 0xXXRRGGBB values (in either byte order): a pixel value is its ARGB colour once made opaque.
    private final boolean directXrgb;

    public PixelFormat(int bitsPerPixel, int depth, boolean bigEndian, boolean trueColour, int redMax,
            int greenMax, int blueMax, int redShift, int greenShift, int blueShift) {
        this(bitsPerPixel, depth, bigEndian, trueColour, redMax, greenMax, blueMax, redShift, greenShift,
                blueShift, ColourMap.empty());
    }

    private PixelFormat(int bitsPerPixel, int depth, boolean bigEndian, boolean trueColour, int redMax,
            int greenMax, int blueMax, int redShift, int greenShift, int blueShift, ColourMap colourMap) {
        this.bitsPerPixel = bitsPerPixel & 0xFF;
        this.depth = depth & 0xFF;
        this.bigEndian = bigEndian;
        this.trueColour = trueColour;
        this.redMax = redMax & 0xFFFF;
        this.greenMax = greenMax & 0xFFFF;
        this.blueMax = blueMax & 0xFFFF;
        this.redShift = redShift & 0xFF;
        this.greenShift = greenShift & 0xFF;
        this.blueShift = blueShift & 0xFF;
        this.colourMap = Objects.requireNonNull(colourMap, "colourMap");
        this.redTable = trueColour ? channelTable(this.redMax, 16) : null;
        this.greenTable = trueColour ? channelTable(this.greenMax, 8) : null;
        this.blueTable = trueColour ? channelTable(this.blueMax, 0) : null;
        boolean byteAligned = trueColour && this.bitsPerPixel == 32 && this.redMax == 255 && this.greenMax == 255
                && this.blueMax == 255 && byteAligned(this.redShift) && byteAligned(this.greenShift)
                && byteAligned(this.blueShift);
        this.redByte = byteAligned ? byteIndex(this.redShift) : -1;
        this.greenByte = byteAligned ? byteIndex(this.greenShift) : -1;
        this.blueByte = byteAligned ? byteIndex(this.blueShift) : -1;
        this.directXrgb = byteAligned && this.redShift == 16 && this.greenShift == 8 && this.blueShift == 0;
    }

    /** A true-colour format. */
    public static PixelFormat trueColour(int bitsPerPixel, int depth, boolean bigEndian, int redMax, int greenMax,
            int blueMax, int redShift, int greenShift, int blueShift) {
        return new PixelFormat(bitsPerPixel, depth, bigEndian, true, redMax, greenMax, blueMax, redShift,
                greenShift, blueShift);
    }

    /** A colour-map format of 8 or 16 bits per pixel. */
    public static PixelFormat colourMapped(int bitsPerPixel, int depth, boolean bigEndian) {
        return new PixelFormat(bitsPerPixel, depth, bigEndian, false, 0, 0, 0, 0, 0, 0);
    }

    private static boolean byteAligned(int shift) {
        return shift % 8 == 0 && shift <= 24;
    }

    private int byteIndex(int shift) {
        return bigEndian ? 3 - shift / 8 : shift / 8;
    }

    private static int[] channelTable(int max, int argbShift) {
        if (max == 0) {
            return new int[] {0};
        }
        int[] table = new int[max + 1];
        for (int value = 0; value <= max; value++) {
            table[value] = ((value * 255 + max / 2) / max) << argbShift;
        }
        return table;
    }

    /** Reads the 16-byte wire structure; the caller has checked that 16 bytes are available. */
    public static PixelFormat read(RfbInput in) {
        int bpp = in.readU8();
        int depth = in.readU8();
        boolean bigEndian = in.readU8() != 0;
        boolean trueColour = in.readU8() != 0;
        int redMax = in.readU16();
        int greenMax = in.readU16();
        int blueMax = in.readU16();
        int redShift = in.readU8();
        int greenShift = in.readU8();
        int blueShift = in.readU8();
        in.skip(3);
        return new PixelFormat(bpp, depth, bigEndian, trueColour, redMax, greenMax, blueMax, redShift, greenShift,
                blueShift);
    }

    /** Writes the 16-byte wire structure. */
    public void write(RfbOutput out) {
        out.writeU8(bitsPerPixel) // bits-per-pixel
                .writeU8(depth) // depth
                .writeU8(bigEndian ? 1 : 0) // big-endian-flag
                .writeU8(trueColour ? 1 : 0) // true-colour-flag
                .writeU16(redMax) // red-max
                .writeU16(greenMax) // green-max
                .writeU16(blueMax) // blue-max
                .writeU8(redShift) // red-shift
                .writeU8(greenShift) // green-shift
                .writeU8(blueShift) // blue-shift
                .pad(3); // padding
    }

    /**
     * Checks that this format can be decoded: 8, 16 or 32 bits per pixel; depth between 1 and bits per
     * pixel; for true colour, every max of the form 2^n-1 (n at least 1) and every channel inside the pixel;
     * colour maps only with 8 bits per pixel.
     *
     * @throws RfbProtocolException naming the first problem found
     */
    public void validate() throws RfbProtocolException {
        if (bitsPerPixel != 8 && bitsPerPixel != 16 && bitsPerPixel != 32) {
            throw invalid("bits-per-pixel " + bitsPerPixel + " is not 8, 16 or 32");
        }
        if (depth == 0 || depth > bitsPerPixel) {
            throw invalid("depth " + depth + " does not fit " + bitsPerPixel + " bits per pixel");
        }
        if (!trueColour) {
            // TigerVNC's rule too: no server sends colour maps of more than 256 entries.
            if (bitsPerPixel != 8) {
                throw invalid("a colour map needs 8-bit pixels");
            }
            return;
        }
        checkChannel("red", redMax, redShift);
        checkChannel("green", greenMax, greenShift);
        checkChannel("blue", blueMax, blueShift);
    }

    private void checkChannel(String name, int max, int shift) throws RfbProtocolException {
        if (max == 0 || (max & (max + 1)) != 0) {
            throw invalid(name + "-max " + max + " is not of the form 2^n-1");
        }
        int bits = Integer.bitCount(max);
        if (shift + bits > bitsPerPixel) {
            throw invalid(name + " channel (" + bits + " bits at shift " + shift + ") does not fit "
                    + bitsPerPixel + " bits per pixel");
        }
    }

    private RfbProtocolException invalid(String problem) {
        return new RfbProtocolException(ErrorCode.BAD_PIXEL_FORMAT, "invalid pixel format (" + this + "): " + problem);
    }

    /** Bytes one pixel takes on the wire: 1, 2 or 4 for valid formats. */
    public int bytesPerPixel() {
        return bitsPerPixel / 8;
    }

    /** The raw pixel value stored at {@code src[offset..]}. */
    public int pixelValue(byte[] src, int offset) {
        switch (bitsPerPixel) {
            case 8:
                return src[offset] & 0xFF;
            case 16:
                return bigEndian
                        ? (src[offset] & 0xFF) << 8 | (src[offset + 1] & 0xFF)
                        : (src[offset + 1] & 0xFF) << 8 | (src[offset] & 0xFF);
            case 32:
                return bigEndian
                        ? (src[offset] & 0xFF) << 24 | (src[offset + 1] & 0xFF) << 16
                                | (src[offset + 2] & 0xFF) << 8 | (src[offset + 3] & 0xFF)
                        : (src[offset + 3] & 0xFF) << 24 | (src[offset + 2] & 0xFF) << 16
                                | (src[offset + 1] & 0xFF) << 8 | (src[offset] & 0xFF);
            default:
                throw new IllegalStateException("unvalidated pixel format: " + this);
        }
    }

    /** Reads one pixel from {@code in}, which the caller has checked holds {@link #bytesPerPixel()} bytes. */
    public int readArgb(RfbInput in) {
        int value = switch (bitsPerPixel) {
            case 8 -> in.readU8();
            case 16 -> bigEndian ? in.readU16() : Integer.reverseBytes(in.readU16() << 16);
            case 32 -> bigEndian ? in.readS32() : Integer.reverseBytes(in.readS32());
            default -> throw new IllegalStateException("unvalidated pixel format: " + this);
        };
        return valueToArgb(value);
    }

    /** Converts a raw pixel value to opaque ARGB. */
    public int valueToArgb(int value) {
        if (!trueColour) {
            return colourMap.argb(value);
        }
        return 0xFF00_0000 | redTable[(value >>> redShift) & redMax] | greenTable[(value >>> greenShift) & greenMax]
                | blueTable[(value >>> blueShift) & blueMax];
    }

    /** Converts the pixel at {@code src[offset..]} to opaque ARGB. */
    public int toArgb(byte[] src, int offset) {
        return valueToArgb(pixelValue(src, offset));
    }

    /** Converts {@code count} consecutive pixels from {@code src[srcOffset..]} into {@code dst[dstOffset..]}. */
    public void toArgb(byte[] src, int srcOffset, int[] dst, int dstOffset, int count) {
        if (directXrgb) {
            // The common case (what the client asks for by default). A bulk int view copy runs at memory
            // speed (the JDK copies, swapping bytes if needed); the alpha pass then finds the chunk in cache.
            ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            for (int done = 0; done < count; done += DIRECT_CHUNK) {
                int n = Math.min(DIRECT_CHUNK, count - done);
                int d = dstOffset + done;
                ByteBuffer.wrap(src, srcOffset + done * 4, n * 4).order(order).asIntBuffer().get(dst, d, n);
                for (int end = d + n; d < end; d++) {
                    dst[d] |= 0xFF00_0000;
                }
            }
            return;
        }
        if (redByte >= 0) {
            int s = srcOffset;
            int end = dstOffset + count;
            for (int d = dstOffset; d < end; d++, s += 4) {
                dst[d] = 0xFF00_0000 | (src[s + redByte] & 0xFF) << 16 | (src[s + greenByte] & 0xFF) << 8
                        | (src[s + blueByte] & 0xFF);
            }
            return;
        }
        int step = bytesPerPixel();
        for (int i = 0, s = srcOffset; i < count; i++, s += step) {
            dst[dstOffset + i] = toArgb(src, s);
        }
    }

    /**
     * Encodes an ARGB colour as a pixel of this true-colour format into {@code dst[offset..]} (the inverse of
     * {@link #toArgb(byte[], int)} up to channel precision). Used by tests and servers.
     *
     * @throws UnsupportedOperationException for colour-map formats
     */
    public void fromArgb(int argb, byte[] dst, int offset) {
        if (!trueColour) {
            throw new UnsupportedOperationException("colour-map formats have no fixed encoding of a colour");
        }
        int value = scaleDown((argb >>> 16) & 0xFF, redMax) << redShift
                | scaleDown((argb >>> 8) & 0xFF, greenMax) << greenShift
                | scaleDown(argb & 0xFF, blueMax) << blueShift;
        writeValue(value, dst, offset);
    }

    /** Writes a raw pixel value in this format's size and byte order. */
    public void writeValue(int value, byte[] dst, int offset) {
        int bytes = bytesPerPixel();
        for (int i = 0; i < bytes; i++) {
            int shift = bigEndian ? 8 * (bytes - 1 - i) : 8 * i;
            dst[offset + i] = (byte) (value >>> shift);
        }
    }

    private static int scaleDown(int channel8, int max) {
        return (channel8 * max + 127) / 255;
    }

    /** A copy of this format that converts pixel values through {@code map} (for colour-map formats). */
    public PixelFormat withColourMap(ColourMap map) {
        return new PixelFormat(bitsPerPixel, depth, bigEndian, trueColour, redMax, greenMax, blueMax, redShift,
                greenShift, blueShift, map);
    }

    public ColourMap colourMap() {
        return colourMap;
    }

    public int bitsPerPixel() {
        return bitsPerPixel;
    }

    public int depth() {
        return depth;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public boolean trueColour() {
        return trueColour;
    }

    public int redMax() {
        return redMax;
    }

    public int greenMax() {
        return greenMax;
    }

    public int blueMax() {
        return blueMax;
    }

    public int redShift() {
        return redShift;
    }

    public int greenShift() {
        return greenShift;
    }

    public int blueShift() {
        return blueShift;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PixelFormat p && p.bitsPerPixel == bitsPerPixel && p.depth == depth
                && p.bigEndian == bigEndian && p.trueColour == trueColour && p.redMax == redMax
                && p.greenMax == greenMax && p.blueMax == blueMax && p.redShift == redShift
                && p.greenShift == greenShift && p.blueShift == blueShift;
    }

    @Override
    public int hashCode() {
        return Objects.hash(bitsPerPixel, depth, bigEndian, trueColour, redMax, greenMax, blueMax, redShift,
                greenShift, blueShift);
    }

    /** For example {@code 32bpp depth 24 little-endian true colour r255<<16 g255<<8 b255<<0}. */
    @Override
    public String toString() {
        String head = bitsPerPixel + "bpp depth " + depth + (bigEndian ? " big-endian " : " little-endian ");
        if (!trueColour) {
            return head + "colour map";
        }
        return head + "true colour r" + redMax + "<<" + redShift + " g" + greenMax + "<<" + greenShift + " b"
                + blueMax + "<<" + blueShift;
    }
}
