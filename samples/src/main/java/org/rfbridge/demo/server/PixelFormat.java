// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An RFB PIXEL_FORMAT (RFC 6143 §7.4): how one pixel is laid out on the wire.
 *
 * <p>The demo serves true-colour formats of 8, 16 and 32 bits per pixel in either byte order; a client
 * asking for anything else is refused by {@link #validate()}.
 */
public record PixelFormat(int bitsPerPixel, int depth, boolean bigEndian, boolean trueColour,
                          int redMax, int greenMax, int blueMax, int redShift, int greenShift, int blueShift) {

    /** Wire length of a PIXEL_FORMAT, padding included. */
    public static final int LENGTH = 16;

    /** What ServerInit announces: 32 bits per pixel, depth 24, little-endian, 8 bits a channel (0x00RRGGBB). */
    public static final PixelFormat SERVER_NATIVE = new PixelFormat(32, 24, false, true, 255, 255, 255, 16, 8, 0);

    /** Reads the 16 bytes of a PIXEL_FORMAT as they are, without judging them. */
    static PixelFormat read(DataInput in) throws IOException {
        int bpp = in.readUnsignedByte();
        int depth = in.readUnsignedByte();
        boolean bigEndian = in.readUnsignedByte() != 0;
        boolean trueColour = in.readUnsignedByte() != 0;
        int redMax = in.readUnsignedShort();
        int greenMax = in.readUnsignedShort();
        int blueMax = in.readUnsignedShort();
        int redShift = in.readUnsignedByte();
        int greenShift = in.readUnsignedByte();
        int blueShift = in.readUnsignedByte();
        in.readFully(new byte[3]);
        return new PixelFormat(bpp, depth, bigEndian, trueColour, redMax, greenMax, blueMax,
                redShift, greenShift, blueShift);
    }

    /** Writes the 16 bytes of this PIXEL_FORMAT (RFC 6143 §7.4). */
    void write(DataOutput out) throws IOException {
        out.writeByte(bitsPerPixel);            // bits-per-pixel
        out.writeByte(depth);                   // depth
        out.writeByte(bigEndian ? 1 : 0);       // big-endian-flag
        out.writeByte(trueColour ? 1 : 0);      // true-colour-flag
        out.writeShort(redMax);                 // red-max
        out.writeShort(greenMax);               // green-max
        out.writeShort(blueMax);                // blue-max
        out.writeByte(redShift);                // red-shift
        out.writeByte(greenShift);              // green-shift
        out.writeByte(blueShift);               // blue-shift
        out.write(new byte[3]);                 // padding
    }

    /**
     * Checks that the demo can produce this format: 8, 16 or 32 bits per pixel; a depth within them; true
     * colour; each channel maximum one less than a power of two; channels inside the pixel and not
     * overlapping.
     *
     * @throws ClientProtocolException naming the first thing wrong
     */
    public void validate() throws ClientProtocolException {
        if (bitsPerPixel != 8 && bitsPerPixel != 16 && bitsPerPixel != 32) {
            throw new ClientProtocolException("pixel format has " + bitsPerPixel + " bits per pixel; only 8, 16 or 32 are served");
        }
        if (depth < 1 || depth > bitsPerPixel) {
            throw new ClientProtocolException("pixel format depth " + depth + " does not fit " + bitsPerPixel + " bits per pixel");
        }
        if (!trueColour) {
            throw new ClientProtocolException("pixel format asks for a colour map; the demo serves true colour only");
        }
        long red = channelMask("red", redMax, redShift);
        long green = channelMask("green", greenMax, greenShift);
        long blue = channelMask("blue", blueMax, blueShift);
        if ((red & green) != 0 || (red & blue) != 0 || (green & blue) != 0) {
            throw new ClientProtocolException("pixel format channels overlap: " + this);
        }
    }

    private long channelMask(String channel, int max, int shift) throws ClientProtocolException {
        if (max == 0 || (max & (max + 1)) != 0) {
            throw new ClientProtocolException("pixel format " + channel + "-max " + max + " is not 2^n-1");
        }
        int bits = Integer.bitCount(max);
        if (shift + bits > bitsPerPixel) {
            throw new ClientProtocolException("pixel format " + channel + " channel (max " + max + ", shift " + shift
                    + ") does not fit in " + bitsPerPixel + " bits");
        }
        return (long) max << shift;
    }

    public int bytesPerPixel() {
        return bitsPerPixel / 8;
    }

    /** A converter from 0xRRGGBB to this format's bytes; the format must be {@link #validate() valid}. */
    PixelEncoder encoder() {
        return new PixelEncoder(this);
    }
}
