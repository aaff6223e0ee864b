// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RfbInputTest {
    @Test
    void readsBigEndianFields() {
        RfbInput in = new RfbInput();
        in.append(new byte[] {1, 2, 3, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, (byte) 0x80, 0, 0, 0});
        assertEquals(1, in.readU8());
        assertEquals(0x0203, in.readU16());
        assertEquals(-2, in.readS32());
        assertEquals(0x8000_0000L, in.readU32());
        assertEquals(0, in.available());
    }

    @Test
    void readingPastWhatIsAvailableIsAProgrammingError() {
        RfbInput in = new RfbInput();
        in.append(new byte[] {1});
        assertFalse(in.has(2));
        assertThrows(IllegalStateException.class, in::readU16);
    }

    @Test
    void resetReturnsToTheMarkEvenAcrossCompaction() {
        RfbInput in = new RfbInput();
        byte[] big = new byte[20_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        in.append(big);
        in.skip(19_990);
        in.mark();
        assertEquals((byte) 19_990, (byte) in.readU8());
        in.append(new byte[30_000]);
        in.reset();
        assertEquals((byte) 19_990, (byte) in.readU8());
        assertEquals(9 + 30_000, in.available());
    }

    @Test
    void keepsOnlyUnconsumedBytes() {
        RfbInput in = new RfbInput();
        byte[] chunk = new byte[4096];
        for (int i = 0; i < 10_000; i++) {
            in.append(chunk);
            in.skip(chunk.length);
        }
        assertEquals(0, in.available());
        in.append(new byte[] {9});
        assertTrue(in.has(1));
        assertEquals(1, in.skipAvailable(5));
    }

    @Test
    void consumeLendsTheBytesInPlaceAndChecksFirst() {
        RfbInput in = new RfbInput();
        in.append(new byte[] {9, 1, 2, 3, 4});
        in.readU8();
        int[] seen = new int[4];
        in.consume(3, (array, offset, length) -> {
            for (int i = 0; i < length; i++) {
                seen[i] = array[offset + i];
            }
            seen[3] = length;
        });
        assertEquals(java.util.List.of(1, 2, 3, 3), java.util.Arrays.stream(seen).boxed().toList());
        assertEquals(1, in.available());
        assertThrows(IllegalStateException.class, () -> in.consume(2, (array, offset, length) -> { }));
        assertEquals(4, in.readU8());
    }
}
