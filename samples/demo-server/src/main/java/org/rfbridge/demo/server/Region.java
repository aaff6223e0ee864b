// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.util.ArrayList;
import java.util.List;
import org.rfbridge.demo.desktop.Rect;

/**
 * A set of pixels kept as a short list of rectangles. It may over-approximate (hold a few pixels that
 * were never added) but never loses one: a dirty region that is too big costs bytes, one too small shows
 * stale pixels. Not thread-safe.
 */
final class Region {

    /** Past this many rectangles the closest pair is merged, bounding the work per update. */
    static final int MAX_RECTS = 32;

    private final List<Rect> rects = new ArrayList<>();

    void add(Rect rect) {
        if (rect.isEmpty()) {
            return;
        }
        Rect merged = rect;
        boolean absorbed = true;
        while (absorbed) {
            absorbed = false;
            for (int i = 0; i < rects.size(); i++) {
                Rect existing = rects.get(i);
                if (existing.contains(merged)) {
                    return;
                }
                // Merge when the bounding box costs no more pixels than the two apart.
                if (merged.union(existing).area() <= merged.area() + existing.area()) {
                    merged = merged.union(existing);
                    rects.remove(i);
                    absorbed = true;
                    break;
                }
            }
        }
        rects.add(merged);
        while (rects.size() > MAX_RECTS) {
            mergeClosestPair();
        }
    }

    private void mergeClosestPair() {
        int bestA = 0;
        int bestB = 1;
        long bestGrowth = Long.MAX_VALUE;
        for (int a = 0; a < rects.size(); a++) {
            for (int b = a + 1; b < rects.size(); b++) {
                long growth = rects.get(a).union(rects.get(b)).area() - rects.get(a).area() - rects.get(b).area();
                if (growth < bestGrowth) {
                    bestGrowth = growth;
                    bestA = a;
                    bestB = b;
                }
            }
        }
        Rect union = rects.get(bestA).union(rects.get(bestB));
        rects.remove(bestB);
        rects.remove(bestA);
        rects.add(union);
    }

    void clear() {
        rects.clear();
    }

    boolean isEmpty() {
        return rects.isEmpty();
    }

    boolean intersects(Rect area) {
        for (Rect r : rects) {
            if (r.intersects(area)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the part of this region inside {@code source}, moved by {@code dx}, {@code dy}. */
    void addMovedPart(Rect source, int dx, int dy) {
        for (Rect r : List.copyOf(rects)) {
            Rect part = r.intersect(source);
            if (!part.isEmpty()) {
                add(part.translate(dx, dy));
            }
        }
    }

    /** Removes and returns the part of this region inside {@code area}; the part outside stays. */
    List<Rect> takeWithin(Rect area) {
        List<Rect> taken = new ArrayList<>();
        List<Rect> kept = new ArrayList<>();
        for (Rect r : rects) {
            Rect inside = r.intersect(area);
            if (inside.isEmpty()) {
                kept.add(r);
                continue;
            }
            taken.add(inside);
            subtract(r, inside, kept);
        }
        rects.clear();
        for (Rect r : kept) {
            add(r);
        }
        return taken;
    }

    /** Adds {@code whole} minus {@code hole} (which lies inside it) to {@code out}, as up to four bands. */
    private static void subtract(Rect whole, Rect hole, List<Rect> out) {
        addIfNotEmpty(out, new Rect(whole.x(), whole.y(), whole.width(), hole.y() - whole.y()));
        addIfNotEmpty(out, new Rect(whole.x(), hole.bottom(), whole.width(), whole.bottom() - hole.bottom()));
        addIfNotEmpty(out, new Rect(whole.x(), hole.y(), hole.x() - whole.x(), hole.height()));
        addIfNotEmpty(out, new Rect(hole.right(), hole.y(), whole.right() - hole.right(), hole.height()));
    }

    private static void addIfNotEmpty(List<Rect> out, Rect r) {
        if (!r.isEmpty()) {
            out.add(r);
        }
    }

    /** A copy of the rectangles, for tests and logs. */
    List<Rect> rects() {
        return List.copyOf(rects);
    }
}
