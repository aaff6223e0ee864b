// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.pixel;

import java.util.Arrays;

/**
 * A cursor image sent by the server (Cursor pseudo-encoding). The server's bitmask is folded into the alpha
 * channel of {@link #argb()}: 0xFF where the mask bit is set, 0x00 (transparent) where it is not. A
 * zero-sized shape means "no cursor". The array is a private copy; the shape is immutable.
 *
 * @param width    at most {@link #MAX_SIZE}
 * @param height   at most {@link #MAX_SIZE}
 * @param hotspotX x of the pixel that is the pointer position, inside the image
 * @param hotspotY y of the pixel that is the pointer position, inside the image
 */
public record CursorShape(int width, int height, int hotspotX, int hotspotY, int[] argb) {
    /** Largest cursor side accepted, as other clients enforce. */
    public static final int MAX_SIZE = org.rfbridge.rfb.Limits.MAX_CURSOR_SIDE;

    public CursorShape {
        if (width < 0 || height < 0 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("cursor size " + width + "x" + height);
        }
        if (argb.length != width * height) {
            throw new IllegalArgumentException("cursor pixels " + argb.length + " for " + width + "x" + height);
        }
        argb = argb.clone();
    }

    /** ARGB pixels, row by row; a copy. */
    @Override
    public int[] argb() {
        return argb.clone();
    }

    /** The ARGB pixel at (x, y). */
    public int pixel(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + "," + y + ") outside cursor " + width + "x" + height);
        }
        return argb[y * width + x];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CursorShape c && c.width == width && c.height == height && c.hotspotX == hotspotX
                && c.hotspotY == hotspotY && Arrays.equals(c.argb, argb);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(argb) + width * 7 + height * 13 + hotspotX * 17 + hotspotY;
    }

    @Override
    public String toString() {
        return "CursorShape[" + width + "x" + height + " hotspot " + hotspotX + "," + hotspotY + "]";
    }
}
