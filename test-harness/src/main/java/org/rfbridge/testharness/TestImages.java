// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.util.Random;

/** Pictures for a test desktop to show ({@link XDisplay#show}), the same in every run. */
public final class TestImages {
    private TestImages() {
    }

    /**
     * 480x360: a photo-like band (smooth colour with grain, where Tight servers choose JPEG), text-like strokes in
     * two colours, and flat areas, so that every subencoding a server has gets used.
     */
    public static ArgbImage photoAndText() {
        int w = 480;
        int h = 360;
        int[] argb = new int[w * h];
        Random grain = new Random(10);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb;
                if (y < 200) {
                    int r = (int) (128 + 90 * Math.sin(x / 23.0 + y / 31.0));
                    int g = (int) (128 + 90 * Math.sin(x / 41.0 - y / 17.0));
                    int b = (int) (128 + 90 * Math.cos((x + y) / 37.0));
                    int n = grain.nextInt(13) - 6;
                    rgb = clamp(r + n) << 16 | clamp(g + n) << 8 | clamp(b + n);
                } else if (x < 300) {
                    // Strokes like text: dark on light, changing every few pixels.
                    boolean ink = ((x / 3) * 7 + (y / 4) * 5) % 11 < 3 && (y % 20) < 14;
                    rgb = ink ? 0x202830 : 0xF4F0E8;
                } else {
                    rgb = x < 390 ? 0x3366CC : 0xCC6633;
                }
                argb[y * w + x] = 0xFF00_0000 | rgb;
            }
        }
        return ArgbImage.of(w, h, argb);
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }
}
