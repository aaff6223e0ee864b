// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ConnectionRateLimiter limiter = new ConnectionRateLimiter(5, now::get);

    @Test
    void allowsABurstUpToTheRateThenRefuses() throws Exception {
        InetAddress client = InetAddress.getByName("192.0.2.1");
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.tryAcquire(client), "connection " + i);
        }
        assertFalse(limiter.tryAcquire(client));
    }

    @Test
    void refillsOverTimeAndKeepsAddressesApart() throws Exception {
        InetAddress first = InetAddress.getByName("192.0.2.1");
        InetAddress second = InetAddress.getByName("192.0.2.2");
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire(first);
        }
        assertFalse(limiter.tryAcquire(first));
        assertTrue(limiter.tryAcquire(second));
        now.addAndGet(200_000_000L); // a fifth of a second refills one connection
        assertTrue(limiter.tryAcquire(first));
        assertFalse(limiter.tryAcquire(first));
    }

    @Test
    void forgetsQuietAddresses() throws Exception {
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire(InetAddress.getByName("192.0.2." + i));
        }
        assertEquals(100, limiter.trackedAddresses());
        now.addAndGet(2_000_000_000L);
        limiter.tryAcquire(InetAddress.getByName("198.51.100.1"));
        assertEquals(1, limiter.trackedAddresses());
    }

    @Test
    void countsAnIpv6ClientByItsSlash64() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.tryAcquire(InetAddress.getByName("2001:db8:1:2::" + Integer.toHexString(i + 1))));
        }
        assertFalse(limiter.tryAcquire(InetAddress.getByName("2001:db8:1:2:ffff:1:2:3")),
                "a new address in the same /64 is the same client");
        assertTrue(limiter.tryAcquire(InetAddress.getByName("2001:db8:1:3::1")), "another /64 is another client");
    }

    @Test
    void aFullTableIsNotRescannedOnEveryConnection() throws Exception {
        for (int i = 0; i < 50_001; i++) {
            limiter.tryAcquire(InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i}));
        }
        long before = limiter.sweeps();
        for (int i = 0; i < 1_000; i++) {
            limiter.tryAcquire(InetAddress.getByName("198.51.100.7"));
        }
        assertEquals(before, limiter.sweeps(), "no time passed, so no sweep");
        now.addAndGet(150_000_000L);
        limiter.tryAcquire(InetAddress.getByName("198.51.100.7"));
        assertEquals(before + 1, limiter.sweeps(), "a busy table is swept 100 ms later");
    }
}
