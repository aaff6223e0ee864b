// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ListenAddressTest {

    @Test
    void portZeroMeansAnyFreePort() {
        assertEquals(0, ListenAddress.parse("127.0.0.1:0", "localhost").getPort());
        assertEquals(0, ListenAddress.parse("0", "127.0.0.1").getPort());
    }

    @Test
    void aBarePortListensOnTheDefaultHost() {
        assertEquals(5901, ListenAddress.parse("127.0.0.1:5901", "localhost").getPort());
        assertTrue(ListenAddress.parse("6080", "127.0.0.1").getAddress().isLoopbackAddress());
    }

    @Test
    void refusesPortsOutOfRangeAndMalformedText() {
        assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("127.0.0.1:70000", "localhost"));
        assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("a:b:c", "localhost"));
    }
}
