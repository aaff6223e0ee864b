// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.pixel;

import java.util.Arrays;

/**
 * The server's palette for colour-map pixel formats: pixel value to ARGB. Immutable; the server's
 * SetColourMapEntries produces a new map with {@link #withEntries}. Entries never set are opaque black.
 */
public final class ColourMap {
    /** Entries of a colour map: 8-bit pixels index it (see {@code PixelFormat#validate}). */
    public static final int SIZE = org.rfbridge.rfb.Limits.COLOUR_MAP_SIZE;

    private static final ColourMap EMPTY = new ColourMap(new int[0]);

    private final int[] argb;

    private ColourMap(int[] argb) {
        this.argb = argb;
    }

    /** A map with every entry black. */
    public static ColourMap empty() {
        return EMPTY;
    }

    /**
     * Returns a copy of this map with {@code count} entries from {@code firstColour} replaced by
     * {@code rgb[offset..]} (ARGB values).
     *
     * @throws IllegalArgumentException if the range goes past {@link #SIZE}
     */
    public ColourMap withEntries(int firstColour, int[] rgb, int offset, int count) {
        if (firstColour < 0 || count < 0 || (long) firstColour + count > SIZE) {
            throw new IllegalArgumentException("colour map entries " + firstColour + "+" + count + " past " + SIZE);
        }
        int length = Math.max(argb.length, firstColour + count);
        int[] copy = Arrays.copyOf(argb, length);
        for (int i = argb.length; i < length; i++) {
            copy[i] = 0xFF00_0000;
        }
        System.arraycopy(rgb, offset, copy, firstColour, count);
        return new ColourMap(copy);
    }

    /** ARGB for a pixel value; opaque black for values never set. */
    public int argb(int pixelValue) {
        return pixelValue >= 0 && pixelValue < argb.length ? argb[pixelValue] : 0xFF00_0000;
    }
}
