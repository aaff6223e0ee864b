// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The XWD and PPM readers on hand-made dumps, in each layout the servers here produce. */
@Timeout(10)
class ScreenGrabTest {
    private static final int TRUE_COLOR = 4;
    private static final int PSEUDO_COLOR = 3;

    /** An XWD file: the 25-field big-endian header, a window name, colours, then rows in {@code lsbFirst} order. */
    private static byte[] xwd(int width, int height, int bitsPerPixel, int bytesPerLine, boolean lsbFirst,
            int visualClass, int[] masks, int[][] colours, int[] values) {
        byte[] name = "root\0".getBytes(StandardCharsets.US_ASCII);
        int headerSize = 25 * 4 + name.length;
        ByteBuffer header = ByteBuffer.allocate(headerSize).order(ByteOrder.BIG_ENDIAN);
        int[] fields = {headerSize, 7, 2, 24, width, height, 0, lsbFirst ? 0 : 1, 32, lsbFirst ? 0 : 1, 32,
            bitsPerPixel, bytesPerLine, visualClass, masks[0], masks[1], masks[2], 8, colours.length, colours.length,
            width, height, 0, 0, 0};
        for (int field : fields) {
            header.putInt(field);
        }
        header.put(name);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        for (int[] colour : colours) {
            ByteBuffer entry = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN);
            entry.putInt(colour[0]).putShort((short) (colour[1] * 257)).putShort((short) (colour[2] * 257))
                    .putShort((short) (colour[3] * 257)).put((byte) 7).put((byte) 0);
            out.writeBytes(entry.array());
        }
        int bytesPerPixel = bitsPerPixel / 8;
        for (int y = 0; y < height; y++) {
            byte[] row = new byte[bytesPerLine];
            for (int x = 0; x < width; x++) {
                int value = values[y * width + x];
                for (int b = 0; b < bytesPerPixel; b++) {
                    int shift = lsbFirst ? 8 * b : 8 * (bytesPerPixel - 1 - b);
                    row[x * bytesPerPixel + b] = (byte) (value >>> shift);
                }
            }
            out.writeBytes(row);
        }
        return out.toByteArray();
    }

    @Test
    void readsA32BitLsbFirstTrueColourDumpWithRowPadding() {
        int[] values = {0x00FF8000, 0x000040C0, 0x00123456, 0x00FFFFFF, 0x00000000, 0x00ABCDEF};
        ArgbImage image = ScreenGrab.parseXwd(xwd(3, 2, 32, 16, true, TRUE_COLOR,
                new int[] {0xFF0000, 0x00FF00, 0x0000FF}, new int[0][], values));
        assertEquals(3, image.width());
        assertEquals(2, image.height());
        assertArrayEquals(new int[] {0xFFFF8000, 0xFF0040C0, 0xFF123456, 0xFFFFFFFF, 0xFF000000, 0xFFABCDEF},
                image.pixels());
    }

    @Test
    void readsA16BitMsbFirstRgb565DumpScalingEachChannelToEightBits() {
        int[] values = {0xF800, 0x07E0, 0x001F, 0x0000};
        ArgbImage image = ScreenGrab.parseXwd(xwd(2, 2, 16, 4, false, TRUE_COLOR,
                new int[] {0xF800, 0x07E0, 0x001F}, new int[0][], values));
        assertArrayEquals(new int[] {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFF000000}, image.pixels());
    }

    @Test
    void readsAn8BitColourMappedDumpThroughItsColormap() {
        int[][] colours = {{0, 0, 0, 0}, {5, 0x11, 0x22, 0x33}, {9, 0xFF, 0x80, 0x00}};
        ArgbImage image = ScreenGrab.parseXwd(xwd(3, 1, 8, 4, true, PSEUDO_COLOR, new int[3], colours,
                new int[] {9, 5, 0}));
        assertArrayEquals(new int[] {0xFFFF8000, 0xFF112233, 0xFF000000}, image.pixels());
    }

    @Test
    void rejectsTruncatedAndForeignDumps() {
        byte[] good = xwd(2, 2, 32, 8, true, TRUE_COLOR, new int[] {0xFF0000, 0xFF00, 0xFF}, new int[0][],
                new int[4]);
        byte[] truncated = Arrays.copyOf(good, good.length - 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScreenGrab.parseXwd(truncated)).getMessage()
                .contains("truncated"));
        byte[] otherVersion = good.clone();
        otherVersion[7] = 6;
        assertThrows(IllegalArgumentException.class, () -> ScreenGrab.parseXwd(otherVersion));
        assertThrows(IllegalArgumentException.class, () -> ScreenGrab.parseXwd(new byte[10]));
    }

    @Test
    void readsABinaryPpmWithAComment() {
        byte[] header = "P6\n# QEMU\n2 1\n255\n".getBytes(StandardCharsets.US_ASCII);
        byte[] ppm = new byte[header.length + 6];
        System.arraycopy(header, 0, ppm, 0, header.length);
        byte[] raster = {(byte) 0xFF, (byte) 0x80, 0, 0x11, 0x22, 0x33};
        System.arraycopy(raster, 0, ppm, header.length, raster.length);
        ArgbImage image = ScreenGrab.parsePpm(ppm);
        assertArrayEquals(new int[] {0xFFFF8000, 0xFF112233}, image.pixels());
        assertThrows(IllegalArgumentException.class, () -> ScreenGrab.parsePpm(Arrays.copyOf(ppm, 20)));
        assertThrows(IllegalArgumentException.class, () -> ScreenGrab.parsePpm("P3\n1 1\n255\n0 0 0".getBytes(
                StandardCharsets.US_ASCII)));
    }

    @Test
    void imagesCompareExactlyOrWithinATolerance() {
        ArgbImage a = ArgbImage.of(2, 1, new int[] {0x000000, 0x102030});
        ArgbImage b = ArgbImage.of(2, 1, new int[] {0x000000, 0x112233});
        assertNull(a.describeDifference(a, 0));
        assertEquals(1, a.countDifferentPixels(b));
        assertEquals(0, a.countDifferentPixels(b, 3));
        assertTrue(a.describeDifference(b, 0).startsWith("1 of 2 pixels differ"), a.describeDifference(b, 0));
        assertTrue(a.describeDifference(ArgbImage.of(1, 1, new int[1]), 0).startsWith("sizes differ"));
    }
}
