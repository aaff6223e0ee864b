// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.vectors;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/**
 * The mutations the fuzzers of both languages apply to a vector's server bytes (the JavaScript twin is
 * {@code web-viewer/test-support/mutations.js}): a flipped bit, a cut, a repeated slice, and a 2- or 4-byte
 * field set to an extreme, one to three of them per mutant.
 */
final class Mutations {
    private static final long[] EXTREMES = {0, 0xFFFF, 0xFFFF_FFFFL, 0x7FFF_FFFF, 0x8000_0000L, 0x4000, 0x4001, 1};

    private Mutations() {
    }

    static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count && bytes.length > 0; i++) {
            switch (random.nextInt(4)) {
                case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                case 2 -> bytes = repeat(bytes, random);
                default -> extreme(bytes, random);
            }
        }
        return bytes;
    }

    private static byte[] repeat(byte[] bytes, Random random) {
        int from = random.nextInt(bytes.length);
        int length = 1 + random.nextInt(Math.min(64, bytes.length - from));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, from + length);
        int times = 1 + random.nextInt(3);
        for (int t = 0; t < times; t++) {
            out.write(bytes, from, length);
        }
        out.write(bytes, from + length, bytes.length - from - length);
        return out.toByteArray();
    }

    private static void extreme(byte[] bytes, Random random) {
        int width = random.nextBoolean() ? 2 : 4;
        if (bytes.length < width) {
            return;
        }
        int at = random.nextInt(bytes.length - width + 1);
        long value = EXTREMES[random.nextInt(EXTREMES.length)];
        for (int i = 0; i < width; i++) {
            bytes[at + i] = (byte) (value >>> (8 * (width - 1 - i)));
        }
    }
}
