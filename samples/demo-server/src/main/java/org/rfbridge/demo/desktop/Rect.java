// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

/**
 * An axis-aligned rectangle of pixels; {@code x}, {@code y} is its top-left corner. Empty when its width or
 * height is zero.
 */
public record Rect(int x, int y, int width, int height) {

    /** The empty rectangle at the origin, the result of intersecting disjoint rectangles. */
    public static final Rect EMPTY = new Rect(0, 0, 0, 0);

    /** @throws IllegalArgumentException for a negative width or height */
    public Rect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative rectangle size " + width + "x" + height);
        }
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** Exclusive right edge. */
    public int right() {
        return x + width;
    }

    /** Exclusive bottom edge. */
    public int bottom() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }

    /** The common part, or {@link #EMPTY}. */
    public Rect intersect(Rect other) {
        int left = Math.max(x, other.x);
        int top = Math.max(y, other.y);
        int right = Math.min(right(), other.right());
        int bottom = Math.min(bottom(), other.bottom());
        if (right <= left || bottom <= top) {
            return EMPTY;
        }
        return new Rect(left, top, right - left, bottom - top);
    }

    public boolean intersects(Rect other) {
        return !intersect(other).isEmpty();
    }

    /** True when every pixel of {@code other} lies in this rectangle; an empty one is contained anywhere. */
    public boolean contains(Rect other) {
        if (other.isEmpty()) {
            return true;
        }
        return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
    }

    public boolean contains(int px, int py) {
        return px >= x && py >= y && px < right() && py < bottom();
    }

    /** The smallest rectangle holding both; an empty operand is ignored. */
    public Rect union(Rect other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        int left = Math.min(x, other.x);
        int top = Math.min(y, other.y);
        return new Rect(left, top, Math.max(right(), other.right()) - left, Math.max(bottom(), other.bottom()) - top);
    }

    public Rect translate(int dx, int dy) {
        return new Rect(x + dx, y + dy, width, height);
    }

    /** This rectangle shrunk by {@code inset} on every side (never below empty). */
    public Rect inset(int inset) {
        int w = Math.max(0, width - 2 * inset);
        int h = Math.max(0, height - 2 * inset);
        return new Rect(x + inset, y + inset, w, h);
    }

    @Override
    public String toString() {
        return width + "x" + height + "+" + x + "+" + y;
    }
}
