// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's own view of its screen: {@code xwd -root} of an X display, parsed from the XWD format (X Window
 * Dump, file version 7), and the PPM images QEMU's {@code screendump} writes. These are the references the
 * integration tests compare RFB snapshots against.
 */
public final class ScreenGrab {
    private static final int XWD_VERSION = 7;
    private static final int XWD_HEADER_FIELDS = 25;
    private static final int Z_PIXMAP = 2;
    private static final int MSB_FIRST = 1;
    private static final int TRUE_COLOR = 4;
    private static final int DIRECT_COLOR = 5;
    private static final int COLOR_ENTRY_SIZE = 12;
    private static final int MAX_SIDE = 16384;

    private ScreenGrab() {
    }

    /**
     * The image as an XWD dump of a 24-bit true-colour ZPixmap, most significant byte first, which {@code xwud}
     * shows: the inverse of {@link #parseXwd} for such images.
     */
    public static byte[] toXwd(ArgbImage image) {
        byte[] name = "rfbridge\0".getBytes(StandardCharsets.US_ASCII);
        int headerSize = XWD_HEADER_FIELDS * 4 + name.length;
        ByteBuffer out = ByteBuffer.allocate(headerSize + image.width() * image.height() * 4).order(ByteOrder.BIG_ENDIAN);
        int w = image.width();
        int h = image.height();
        int[] fields = {headerSize, XWD_VERSION, Z_PIXMAP, 24, w, h, 0, MSB_FIRST, 32, MSB_FIRST, 32, 32, w * 4,
            TRUE_COLOR, 0xFF0000, 0xFF00, 0xFF, 8, 256, 0, w, h, 0, 0, 0};
        for (int field : fields) {
            out.putInt(field);
        }
        out.put(name);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.putInt(image.pixel(x, y) & 0xFFFFFF);
            }
        }
        return out.array();
    }

    /** Runs {@code xwd -root -silent} on display {@code :display} and parses what it writes. */
    public static ArgbImage grab(int display) {
        String xwd = SystemPrograms.require("xwd", "x11-apps");
        byte[] dump = Commands.run(List.of(xwd, "-root", "-silent", "-display", ":" + display), Map.of(), null,
                Duration.ofSeconds(20)).stdout();
        return parseXwd(dump);
    }

    /**
     * Parses an XWD dump of a ZPixmap in any of 8/16/24/32 bits per pixel, true colour (through the masks) or
     * colour-mapped (through the dumped colormap).
     *
     * @throws IllegalArgumentException if the bytes are not such a dump
     */
    public static ArgbImage parseXwd(byte[] dump) {
        if (dump.length < XWD_HEADER_FIELDS * 4) {
            throw new IllegalArgumentException("XWD dump of " + dump.length + " bytes is shorter than its header");
        }
        ByteBuffer header = ByteBuffer.wrap(dump).order(ByteOrder.BIG_ENDIAN);
        int[] f = new int[XWD_HEADER_FIELDS];
        for (int i = 0; i < f.length; i++) {
            f[i] = header.getInt();
        }
        int headerSize = f[0];
        int version = f[1];
        int format = f[2];
        int width = f[4];
        int height = f[5];
        int byteOrder = f[7];
        int bitsPerPixel = f[11];
        int bytesPerLine = f[12];
        int visualClass = f[13];
        int redMask = f[14];
        int greenMask = f[15];
        int blueMask = f[16];
        int colours = f[19];
        if (version != XWD_VERSION) {
            throw new IllegalArgumentException("XWD file version " + version + ", expected " + XWD_VERSION);
        }
        if (format != Z_PIXMAP) {
            throw new IllegalArgumentException("XWD pixmap format " + format + ", only ZPixmap (2) is read");
        }
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("XWD size " + width + "x" + height + " out of range");
        }
        if (bitsPerPixel != 8 && bitsPerPixel != 16 && bitsPerPixel != 24 && bitsPerPixel != 32) {
            throw new IllegalArgumentException("XWD with " + bitsPerPixel + " bits per pixel is not supported");
        }
        int bytesPerPixel = bitsPerPixel / 8;
        if (bytesPerLine < width * bytesPerPixel || colours < 0 || colours > 65536 || headerSize < XWD_HEADER_FIELDS * 4) {
            throw new IllegalArgumentException("inconsistent XWD header: " + bytesPerLine + " bytes per line, "
                    + colours + " colours, header " + headerSize + " bytes");
        }
        long colourStart = headerSize;
        long dataStart = colourStart + (long) colours * COLOR_ENTRY_SIZE;
        long dataEnd = dataStart + (long) bytesPerLine * height;
        if (dataEnd > dump.length) {
            throw new IllegalArgumentException("XWD dump truncated: " + dump.length + " bytes, needs " + dataEnd);
        }
        Map<Integer, Integer> colourMap = new HashMap<>();
        ByteBuffer entries = ByteBuffer.wrap(dump, (int) colourStart, colours * COLOR_ENTRY_SIZE)
                .order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < colours; i++) {
            int pixel = entries.getInt();
            int r = (entries.getShort() & 0xFFFF) >>> 8;
            int g = (entries.getShort() & 0xFFFF) >>> 8;
            int b = (entries.getShort() & 0xFFFF) >>> 8;
            entries.getShort(); // flags and pad
            colourMap.put(pixel, 0xFF000000 | r << 16 | g << 8 | b);
        }
        boolean trueColour = visualClass == TRUE_COLOR || visualClass == DIRECT_COLOR;
        boolean bigEndian = byteOrder == MSB_FIRST;
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            int row = (int) dataStart + y * bytesPerLine;
            for (int x = 0; x < width; x++) {
                int at = row + x * bytesPerPixel;
                int value = 0;
                for (int b = 0; b < bytesPerPixel; b++) {
                    int octet = dump[at + b] & 0xFF;
                    value |= bigEndian ? octet << (8 * (bytesPerPixel - 1 - b)) : octet << (8 * b);
                }
                argb[y * width + x] = trueColour
                        ? 0xFF000000 | channel(value, redMask) << 16 | channel(value, greenMask) << 8 | channel(value, blueMask)
                        : colourMap.getOrDefault(value, 0xFF000000);
            }
        }
        return new ArgbImage(width, height, argb);
    }

    /** The masked component of {@code value} scaled to 0-255 (0 for an empty mask). */
    private static int channel(int value, int mask) {
        if (mask == 0) {
            return 0;
        }
        int shift = Integer.numberOfTrailingZeros(mask);
        int max = mask >>> shift;
        int component = (value & mask) >>> shift;
        return max == 255 ? component : (component * 255 + max / 2) / max;
    }

    /** Parses a binary PPM (P6, maxval up to 255), as QEMU's {@code screendump} writes by default. */
    public static ArgbImage parsePpm(byte[] ppm) {
        int[] pos = {0};
        String magic = token(ppm, pos);
        if (!"P6".equals(magic)) {
            throw new IllegalArgumentException("not a binary PPM (magic " + magic + ")");
        }
        int width = number(token(ppm, pos));
        int height = number(token(ppm, pos));
        int max = number(token(ppm, pos));
        pos[0]++; // the single whitespace byte before the raster
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE || max <= 0 || max > 255) {
            throw new IllegalArgumentException("PPM " + width + "x" + height + " maxval " + max + " out of range");
        }
        long end = pos[0] + 3L * width * height;
        if (end > ppm.length) {
            throw new IllegalArgumentException("PPM truncated: " + ppm.length + " bytes, needs " + end);
        }
        int[] argb = new int[width * height];
        int at = pos[0];
        for (int i = 0; i < argb.length; i++, at += 3) {
            int r = (ppm[at] & 0xFF) * 255 / max;
            int g = (ppm[at + 1] & 0xFF) * 255 / max;
            int b = (ppm[at + 2] & 0xFF) * 255 / max;
            argb[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return new ArgbImage(width, height, argb);
    }

    private static String token(byte[] data, int[] pos) {
        while (pos[0] < data.length) {
            int c = data[pos[0]];
            if (c == '#') {
                while (pos[0] < data.length && data[pos[0]] != '\n') {
                    pos[0]++;
                }
            } else if (Character.isWhitespace(c)) {
                pos[0]++;
            } else {
                break;
            }
        }
        int start = pos[0];
        while (pos[0] < data.length && pos[0] - start < 16 && !Character.isWhitespace(data[pos[0]])) {
            pos[0]++;
        }
        return new String(data, start, pos[0] - start, StandardCharsets.US_ASCII);
    }

    private static int number(String token) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PPM header field \"" + token + "\" is not a number", e);
        }
    }
}
