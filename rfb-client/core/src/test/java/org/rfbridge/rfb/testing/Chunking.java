// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Ways of cutting a byte stream into deliveries, to catch parsers that assume whole messages. */
public enum Chunking {
    WHOLE, ONE_BYTE, RANDOM_1, RANDOM_2, RANDOM_3, RANDOM_42;

    /** The pieces of {@code data} this strategy delivers, in order. Random ones use fixed seeds. */
    public List<byte[]> split(byte[] data) {
        List<byte[]> pieces = new ArrayList<>();
        if (this == WHOLE) {
            pieces.add(data.clone());
            return pieces;
        }
        Random random = this == ONE_BYTE ? null : new Random(Long.parseLong(name().substring("RANDOM_".length())));
        int at = 0;
        while (at < data.length) {
            int size = random == null ? 1 : 1 + random.nextInt(random.nextBoolean() ? 7 : 300);
            size = Math.min(size, data.length - at);
            byte[] piece = new byte[size];
            System.arraycopy(data, at, piece, 0, size);
            pieces.add(piece);
            at += size;
        }
        return pieces;
    }
}
