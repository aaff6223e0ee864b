// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A screen image as opaque {@code 0xFFRRGGBB} pixels, row by row: what {@link ScreenGrab} reads from a server
 * and what a test wraps a client framebuffer in to compare the two.
 *
 * @param width  pixels per row
 * @param height rows
 * @param pixels {@code width * height} pixels; alpha is forced to 0xFF by {@link #of}
 */
public record ArgbImage(int width, int height, int[] pixels) {
    public ArgbImage {
        Objects.requireNonNull(pixels, "pixels");
        if (width < 0 || height < 0 || (long) width * height != pixels.length) {
            throw new IllegalArgumentException(width + "x" + height + " does not match " + pixels.length + " pixels");
        }
    }

    /** Copies {@code argb} (for example a framebuffer's pixels) and makes every pixel opaque. */
    public static ArgbImage of(int width, int height, int[] argb) {
        int[] copy = new int[argb.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = argb[i] | 0xFF000000;
        }
        return new ArgbImage(width, height, copy);
    }

    public int pixel(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") outside " + width + "x" + height);
        }
        return pixels[y * width + x];
    }

    /** A copy of the area at (x, y) of size w x h. */
    public ArgbImage crop(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w < 0 || h < 0 || x + w > width || y + h > height) {
            throw new IndexOutOfBoundsException(w + "x" + h + "+" + x + "+" + y + " outside " + width + "x" + height);
        }
        int[] out = new int[w * h];
        for (int row = 0; row < h; row++) {
            System.arraycopy(pixels, (y + row) * width + x, out, row * w, w);
        }
        return new ArgbImage(w, h, out);
    }

    /** How many pixels differ in any channel by more than {@code tolerance} (0 = exact). */
    public int countDifferentPixels(ArgbImage other, int tolerance) {
        requireSameSize(other);
        int count = 0;
        for (int i = 0; i < pixels.length; i++) {
            if (differs(pixels[i], other.pixels[i], tolerance)) {
                count++;
            }
        }
        return count;
    }

    /** The mean difference of a colour channel between the two images, of 255: how close a lossy picture is. */
    public double meanChannelError(ArgbImage other) {
        requireSameSize(other);
        long sum = 0;
        for (int i = 0; i < pixels.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) {
                sum += Math.abs((pixels[i] >>> shift & 0xFF) - (other.pixels[i] >>> shift & 0xFF));
            }
        }
        return pixels.length == 0 ? 0 : sum / (3.0 * pixels.length);
    }

    /** How many pixels differ at all. */
    public int countDifferentPixels(ArgbImage other) {
        return countDifferentPixels(other, 0);
    }

    /**
     * Null when the images are equal within {@code tolerance}; otherwise one line for an assertion message:
     * the size mismatch, or how many pixels differ, the bounding box of the differences and the first one.
     */
    public String describeDifference(ArgbImage other, int tolerance) {
        if (width != other.width || height != other.height) {
            return "sizes differ: " + width + "x" + height + " vs " + other.width + "x" + other.height;
        }
        int count = 0;
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        int first = -1;
        for (int i = 0; i < pixels.length; i++) {
            if (differs(pixels[i], other.pixels[i], tolerance)) {
                if (first < 0) {
                    first = i;
                }
                count++;
                int x = i % width;
                int y = i / width;
                minX = Math.min(minX, x);
                minY = Math.min(minY, y);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, y);
            }
        }
        if (count == 0) {
            return null;
        }
        return String.format("%d of %d pixels differ, within %dx%d+%d+%d; first at (%d, %d): %08x vs %08x",
                count, pixels.length, maxX - minX + 1, maxY - minY + 1, minX, minY, first % width, first / width,
                pixels[first], other.pixels[first]);
    }

    /** Writes the image as a PNG, for looking at a failure. */
    public void writePng(Path file) throws IOException {
        BufferedImage image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        if (width > 0 && height > 0) {
            image.setRGB(0, 0, width, height, pixels, 0, width);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    private void requireSameSize(ArgbImage other) {
        if (width != other.width || height != other.height) {
            throw new IllegalArgumentException("sizes differ: " + width + "x" + height + " vs " + other.width + "x"
                    + other.height);
        }
    }

    private static boolean differs(int a, int b, int tolerance) {
        if (a == b) {
            return false;
        }
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >>> shift) & 0xFF) - ((b >>> shift) & 0xFF)) > tolerance) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArgbImage other && width == other.width && height == other.height
                && java.util.Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + java.util.Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "ArgbImage[" + width + "x" + height + "]";
    }
}
