// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.pixel;

import java.util.Arrays;

/**
 * The remote desktop as opaque ARGB pixels, row by row ({@code pixels()[y * width + x]}).
 *
 * <p>Every write checks its rectangle against the framebuffer and throws {@link IndexOutOfBoundsException}
 * when it does not fit: the protocol layer has already rejected such rectangles from the server, so this is
 * the second line of defence, not the error users see. The size never changes; a desktop resize replaces the
 * whole framebuffer.
 *
 * <p>Not synchronized. During a session the session thread writes it while it decodes a FramebufferUpdate;
 * readers on other threads read it between being told of an update and acknowledging it (see
 * {@code RfbClient#updateConsumed()}), or use {@link #copy()} taken on the session thread.
 */
public final class Framebuffer {
    /** Largest width and height accepted, as other clients enforce. */
    public static final int MAX_DIMENSION = org.rfbridge.rfb.Limits.MAX_FRAMEBUFFER_SIDE;

    private static final int OPAQUE_BLACK = 0xFF00_0000;

    private final int width;
    private final int height;
    private final int[] pixels;

    /**
     * Creates an opaque black framebuffer.
     *
     * @throws IllegalArgumentException if a side is negative or over {@link #MAX_DIMENSION}
     */
    public Framebuffer(int width, int height) {
        checkSize(width, height);
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
        Arrays.fill(pixels, OPAQUE_BLACK);
    }

    private Framebuffer(int width, int height, int[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** Whether {@code width} x {@code height} is an acceptable framebuffer size. */
    public static boolean isValidSize(int width, int height) {
        return width >= 0 && height >= 0 && width <= MAX_DIMENSION && height <= MAX_DIMENSION;
    }

    private static void checkSize(int width, int height) {
        if (!isValidSize(width, height)) {
            throw new IllegalArgumentException("framebuffer " + width + "x" + height + " outside 0.."
                    + MAX_DIMENSION);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * The live pixel array, {@code width * height} opaque ARGB values. Callers must not write it, and must
     * read it only as the class comment allows.
     */
    public int[] pixels() {
        return pixels;
    }

    /** Whether the rectangle lies inside this framebuffer. */
    public boolean contains(int x, int y, int w, int h) {
        return x >= 0 && y >= 0 && w >= 0 && h >= 0 && (long) x + w <= width && (long) y + h <= height;
    }

    /** Whether the rectangle lies inside this framebuffer. */
    public boolean contains(Rect r) {
        return r.isInside(width, height);
    }

    private void check(int x, int y, int w, int h) {
        if (!contains(x, y, w, h)) {
            throw new IndexOutOfBoundsException("rectangle " + w + "x" + h + "+" + x + "+" + y
                    + " outside framebuffer " + width + "x" + height);
        }
    }

    /** The ARGB pixel at (x, y). */
    public int getPixel(int x, int y) {
        check(x, y, 1, 1);
        return pixels[y * width + x];
    }

    public void setPixel(int x, int y, int argb) {
        check(x, y, 1, 1);
        pixels[y * width + x] = argb;
    }

    public void fillRect(int x, int y, int w, int h, int argb) {
        check(x, y, w, h);
        for (int row = 0; row < h; row++) {
            int start = (y + row) * width + x;
            Arrays.fill(pixels, start, start + w, argb);
        }
    }

    /**
     * Converts {@code count} pixels in format {@code pf} from {@code src[srcOffset..]} into the row segment
     * starting at (x, y).
     */
    public void putPixels(int x, int y, int count, byte[] src, int srcOffset, PixelFormat pf) {
        check(x, y, count, 1);
        if (srcOffset < 0 || (long) srcOffset + (long) count * pf.bytesPerPixel() > src.length) {
            throw new IndexOutOfBoundsException("source " + count + " pixels at " + srcOffset + " of " + src.length);
        }
        pf.toArgb(src, srcOffset, pixels, y * width + x, count);
    }

    /** Copies ARGB pixels ({@code stride} ints per source row) into the rectangle. */
    public void setPixels(int x, int y, int w, int h, int[] src, int srcOffset, int stride) {
        check(x, y, w, h);
        if (h > 0 && w > 0 && (srcOffset < 0 || stride < w
                || (long) srcOffset + (long) (h - 1) * stride + w > src.length)) {
            throw new IndexOutOfBoundsException("source of " + w + "x" + h + " at " + srcOffset + " stride "
                    + stride + " in " + src.length);
        }
        for (int row = 0; row < h; row++) {
            System.arraycopy(src, srcOffset + row * stride, pixels, (y + row) * width + x, w);
        }
    }

    /**
     * Copies the {@code w} x {@code h} rectangle at (srcX, srcY) to (dstX, dstY); the two may overlap, the
     * result is as if the source were read in full first.
     */
    public void copyRect(int srcX, int srcY, int dstX, int dstY, int w, int h) {
        check(srcX, srcY, w, h);
        check(dstX, dstY, w, h);
        if (dstY > srcY) {
            for (int row = h - 1; row >= 0; row--) {
                System.arraycopy(pixels, (srcY + row) * width + srcX, pixels, (dstY + row) * width + dstX, w);
            }
        } else {
            for (int row = 0; row < h; row++) {
                System.arraycopy(pixels, (srcY + row) * width + srcX, pixels, (dstY + row) * width + dstX, w);
            }
        }
    }

    /** Copies the rectangle into {@code dst}, {@code stride} ints per destination row. */
    public void getPixels(int x, int y, int w, int h, int[] dst, int dstOffset, int stride) {
        check(x, y, w, h);
        if (h > 0 && w > 0 && (dstOffset < 0 || stride < w
                || (long) dstOffset + (long) (h - 1) * stride + w > dst.length)) {
            throw new IndexOutOfBoundsException("destination of " + w + "x" + h + " at " + dstOffset + " stride "
                    + stride + " in " + dst.length);
        }
        for (int row = 0; row < h; row++) {
            System.arraycopy(pixels, (y + row) * width + x, dst, dstOffset + row * stride, w);
        }
    }

    /** Copies into this framebuffer what {@code other} has where the two overlap (after a desktop resize). */
    public void copyFrom(Framebuffer other) {
        int w = Math.min(width, other.width);
        int h = Math.min(height, other.height);
        for (int y = 0; y < h; y++) {
            System.arraycopy(other.pixels, y * other.width, pixels, y * width, w);
        }
    }

    /** An independent copy (same size and pixels). */
    public Framebuffer copy() {
        return new Framebuffer(width, height, pixels.clone());
    }

    @Override
    public String toString() {
        return "Framebuffer[" + width + "x" + height + "]";
    }
}
