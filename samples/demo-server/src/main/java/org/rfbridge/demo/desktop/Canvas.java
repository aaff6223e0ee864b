// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

import java.util.Arrays;

/**
 * Drawing primitives on an array of 0xRRGGBB pixels, clipped to the array's bounds. Not thread-safe: the
 * owning {@link DemoDesktop} calls it under its lock.
 */
final class Canvas {

    private final int[] pixels;
    private final int width;
    private final int height;
    private final Rect bounds;

    Canvas(int[] pixels, int width, int height) {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("pixel array does not match " + width + "x" + height);
        }
        this.pixels = pixels;
        this.width = width;
        this.height = height;
        this.bounds = new Rect(0, 0, width, height);
    }

    Rect bounds() {
        return bounds;
    }

    int get(int x, int y) {
        return pixels[y * width + x];
    }

    void fill(Rect area, int rgb) {
        Rect r = area.intersect(bounds);
        for (int row = r.y(); row < r.bottom(); row++) {
            int start = row * width + r.x();
            Arrays.fill(pixels, start, start + r.width(), rgb);
        }
    }

    /** A one-pixel outline just inside {@code area}. */
    void outline(Rect area, int rgb) {
        fill(new Rect(area.x(), area.y(), area.width(), 1), rgb);
        fill(new Rect(area.x(), area.bottom() - 1, area.width(), 1), rgb);
        fill(new Rect(area.x(), area.y(), 1, area.height()), rgb);
        fill(new Rect(area.right() - 1, area.y(), 1, area.height()), rgb);
    }

    /** Paints only the pixels inside {@code clip} (and the canvas). */
    void fillClipped(Rect area, Rect clip, int rgb) {
        fill(area.intersect(clip), rgb);
    }

    /**
     * Moves the pixels of {@code source} so its top-left corner lands on {@code toX}, {@code toY}; the two
     * areas may overlap. Both must lie inside the canvas.
     */
    void copy(Rect source, int toX, int toY) {
        Rect target = new Rect(toX, toY, source.width(), source.height());
        if (!bounds.contains(source) || !bounds.contains(target)) {
            throw new IllegalArgumentException("copy " + source + " to " + target + " leaves the canvas");
        }
        // Walk rows against the direction of movement so an overlapping source is read before it is written.
        boolean upward = toY <= source.y();
        for (int i = 0; i < source.height(); i++) {
            int row = upward ? i : source.height() - 1 - i;
            System.arraycopy(pixels, (source.y() + row) * width + source.x(),
                    pixels, (toY + row) * width + toX, source.width());
        }
    }

    /** Copies {@code area} (inside the canvas) into a new array, row by row. */
    int[] read(Rect area) {
        int[] out = new int[area.width() * area.height()];
        for (int row = 0; row < area.height(); row++) {
            System.arraycopy(pixels, (area.y() + row) * width + area.x(), out, row * area.width(), area.width());
        }
        return out;
    }

    /** The bounding box of the pixels of {@code area} that differ from {@code before} (from {@link #read}). */
    Rect changedSince(Rect area, int[] before) {
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = -1;
        int bottom = -1;
        for (int row = 0; row < area.height(); row++) {
            int base = (area.y() + row) * width + area.x();
            int beforeBase = row * area.width();
            for (int col = 0; col < area.width(); col++) {
                if (pixels[base + col] != before[beforeBase + col]) {
                    left = Math.min(left, col);
                    right = Math.max(right, col);
                    top = Math.min(top, row);
                    bottom = row;
                }
            }
        }
        if (right < 0) {
            return Rect.EMPTY;
        }
        return new Rect(area.x() + left, area.y() + top, right - left + 1, bottom - top + 1);
    }

    /**
     * Draws a line of square dots of side {@code brush} centred on the line, clipped to {@code clip}.
     *
     * @return the area that may have changed
     */
    Rect line(int x0, int y0, int x1, int y1, int brush, int rgb, Rect clip) {
        int half = brush / 2;
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int stepX = x0 < x1 ? 1 : -1;
        int stepY = y0 < y1 ? 1 : -1;
        int error = dx + dy;
        int x = x0;
        int y = y0;
        // Bresenham: the step count is bounded by the longer axis, so coordinates need no extra check.
        while (true) {
            fillClipped(new Rect(x - half, y - half, brush, brush), clip, rgb);
            if (x == x1 && y == y1) {
                break;
            }
            int doubled = 2 * error;
            if (doubled >= dy) {
                error += dy;
                x += stepX;
            }
            if (doubled <= dx) {
                error += dx;
                y += stepY;
            }
        }
        Rect touched = new Rect(Math.min(x0, x1) - half, Math.min(y0, y1) - half,
                Math.abs(x1 - x0) + brush, Math.abs(y1 - y0) + brush);
        return touched.intersect(clip).intersect(bounds);
    }

    /**
     * Draws {@code text} with its cell's top-left corner at {@code x}, {@code y}, clipped to {@code clip}.
     *
     * @return the x just after the last character
     */
    int text(BitmapFont font, int scale, int x, int y, CharSequence text, int rgb, Rect clip) {
        int cx = x;
        for (int i = 0; i < text.length(); i++) {
            glyph(font, scale, cx, y, text.charAt(i), rgb, clip);
            cx += font.cellWidth() * scale;
        }
        return cx;
    }

    private void glyph(BitmapFont font, int scale, int x, int y, char c, int rgb, Rect clip) {
        int[] rows = font.glyph(c);
        for (int row = 0; row < rows.length; row++) {
            int bits = rows[row];
            for (int col = 0; col < BitmapFont.GLYPH_WIDTH; col++) {
                if ((bits & (1 << (BitmapFont.GLYPH_WIDTH - 1 - col))) != 0) {
                    fillClipped(new Rect(x + col * scale, y + row * scale, scale, scale), clip, rgb);
                }
            }
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }
}
