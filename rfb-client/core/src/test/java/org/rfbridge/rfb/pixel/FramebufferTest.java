// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FramebufferTest {
    private static Framebuffer numbered(int w, int h) {
        Framebuffer fb = new Framebuffer(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                fb.setPixel(x, y, y * 100 + x);
            }
        }
        return fb;
    }

    @Test
    void startsOpaqueBlack() {
        Framebuffer fb = new Framebuffer(3, 2);
        for (int p : fb.pixels()) {
            assertEquals(0xFF00_0000, p);
        }
    }

    @Test
    void sizeIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new Framebuffer(Framebuffer.MAX_DIMENSION + 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Framebuffer(1, -1));
    }

    @Test
    void everyWriteIsBoundsChecked() {
        Framebuffer fb = new Framebuffer(10, 10);
        assertThrows(IndexOutOfBoundsException.class, () -> fb.fillRect(5, 5, 6, 1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> fb.setPixel(10, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> fb.copyRect(0, 0, 9, 9, 2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> fb.copyRect(9, 9, 0, 0, 2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> fb.putPixels(8, 0, 3, new byte[12], 0, PixelFormat.RGB888));
        assertThrows(IndexOutOfBoundsException.class, () -> fb.putPixels(0, 0, 3, new byte[11], 0, PixelFormat.RGB888));
        assertThrows(IndexOutOfBoundsException.class, () -> fb.fillRect(Integer.MAX_VALUE, 0, 2, 1, 0));
    }

    @Test
    void overlappingCopyRectBehavesAsIfTheSourceWereReadFirst() {
        for (int[] move : new int[][] {{0, 0, 1, 1}, {1, 1, 0, 0}, {0, 0, 2, 0}, {2, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 0, 2}}) {
            Framebuffer fb = numbered(8, 8);
            Framebuffer expected = numbered(8, 8);
            int[] source = new int[5 * 5];
            expected.getPixels(move[0], move[1], 5, 5, source, 0, 5);
            expected.setPixels(move[2], move[3], 5, 5, source, 0, 5);
            fb.copyRect(move[0], move[1], move[2], move[3], 5, 5);
            assertArrayEquals(expected.pixels(), fb.pixels(), java.util.Arrays.toString(move));
        }
    }

    @Test
    void copyIsIndependent() {
        Framebuffer fb = numbered(4, 4);
        Framebuffer copy = fb.copy();
        fb.setPixel(0, 0, 42);
        assertEquals(0, copy.getPixel(0, 0));
    }
}
