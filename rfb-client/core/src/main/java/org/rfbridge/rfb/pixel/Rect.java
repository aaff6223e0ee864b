// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.pixel;

/**
 * A rectangle in framebuffer coordinates. Width or height may be zero (an empty rectangle). Coordinates come
 * from 16-bit wire fields, so sums of them never overflow an {@code int}; the checks use {@code long}
 * anyway so that they stay correct for any caller.
 */
public record Rect(int x, int y, int width, int height) {
    public Rect {
        if (x < 0 || y < 0 || width < 0 || height < 0) {
            throw new IllegalArgumentException("negative rectangle field: " + x + "," + y + " " + width + "x" + height);
        }
    }

    /** Whether the rectangle lies entirely inside a {@code fbWidth} x {@code fbHeight} framebuffer. */
    public boolean isInside(int fbWidth, int fbHeight) {
        return (long) x + width <= fbWidth && (long) y + height <= fbHeight;
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    public long area() {
        return (long) width * height;
    }

    /** Shown as {@code WxH+X+Y}, the X11 geometry notation. */
    @Override
    public String toString() {
        return width + "x" + height + "+" + x + "+" + y;
    }
}
