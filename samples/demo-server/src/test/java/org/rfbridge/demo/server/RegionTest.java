// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.demo.desktop.Rect;

@Timeout(10)
class RegionTest {

    private static final int W = 64;
    private static final int H = 48;

    @Test
    void mergesTouchingAndContainedRectangles() {
        Region region = new Region();
        region.add(new Rect(0, 0, 10, 10));
        region.add(new Rect(2, 2, 3, 3));
        region.add(new Rect(10, 0, 10, 10));
        assertEquals(List.of(new Rect(0, 0, 20, 10)), region.rects());
    }

    @Test
    void takeWithinLeavesTheRestOutside() {
        Region region = new Region();
        region.add(new Rect(0, 0, 30, 30));
        List<Rect> taken = region.takeWithin(new Rect(10, 10, 10, 10));
        assertEquals(List.of(new Rect(10, 10, 10, 10)), taken);
        boolean[] left = cover(region.rects());
        assertFalse(left[15 * W + 15]);
        assertTrue(left[5 * W + 5]);
        assertTrue(left[25 * W + 25]);
        assertEquals(30 * 30 - 100, count(left));
    }

    @Test
    void neverLosesAPixelAndStaysBounded() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            Region region = new Region();
            boolean[] expected = new boolean[W * H];
            for (int i = 0; i < 60; i++) {
                Rect r = randomRect(random);
                region.add(r);
                mark(expected, r);
                assertTrue(region.rects().size() <= Region.MAX_RECTS);
            }
            Rect area = randomRect(random);
            boolean[] taken = cover(region.takeWithin(area));
            boolean[] kept = cover(region.rects());
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int i = y * W + x;
                    if (taken[i]) {
                        assertTrue(area.contains(x, y), "taken pixels lie in the area");
                    }
                    if (expected[i]) {
                        assertTrue(area.contains(x, y) ? taken[i] : kept[i], "pixel " + x + "," + y + " kept track of");
                    }
                }
            }
        }
    }

    @Test
    void movedPartFollowsACopy() {
        Region region = new Region();
        region.add(new Rect(0, 20, 5, 5));
        region.addMovedPart(new Rect(0, 10, 20, 20), 0, -10);
        boolean[] covered = cover(region.rects());
        assertTrue(covered[10 * W + 2], "the stale source pixels are stale at the target too");
        assertTrue(covered[20 * W + 2], "and still at the source");
    }

    static Rect randomRect(Random random) {
        int x = random.nextInt(W);
        int y = random.nextInt(H);
        return new Rect(x, y, 1 + random.nextInt(W - x), 1 + random.nextInt(H - y));
    }

    private static boolean[] cover(List<Rect> rects) {
        boolean[] covered = new boolean[W * H];
        rects.forEach(r -> mark(covered, r));
        return covered;
    }

    private static void mark(boolean[] covered, Rect r) {
        for (int y = r.y(); y < r.bottom(); y++) {
            for (int x = r.x(); x < r.right(); x++) {
                covered[y * W + x] = true;
            }
        }
    }

    private static int count(boolean[] covered) {
        int n = 0;
        for (boolean b : covered) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
