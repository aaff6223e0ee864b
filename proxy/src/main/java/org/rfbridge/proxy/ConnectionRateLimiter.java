// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Limits how many new connections one client address may open a second: a token bucket per address
 * holding one second's worth, so a short burst up to the rate passes and a flood does not. Thread-safe.
 *
 * <p>IPv6 clients are counted by their /64 network, not by address: one subscriber is given a whole /64
 * and can pick a new address for every connection.
 *
 * <p>The table forgets a client once its bucket is full again, so it holds only clients active in the last
 * second or so. A sweep runs once a second, and more often (at most every {@value #BUSY_SWEEP_MILLIS} ms)
 * while the table holds more than {@value #SWEEP_THRESHOLD} entries: often enough to bound the table,
 * never once per connection, which would make each connection scan the whole table during a flood.
 */
final class ConnectionRateLimiter {

    private static final int SWEEP_THRESHOLD = 50_000;
    private static final long BUSY_SWEEP_MILLIS = 100;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int IPV6_NETWORK_BYTES = 8;

    private final int perSecond;
    private final LongSupplier clock;
    private final Map<ClientKey, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;
    private volatile long sweeps;

    ConnectionRateLimiter(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    ConnectionRateLimiter(int perSecond, LongSupplier clock) {
        this.perSecond = perSecond;
        this.clock = clock;
        this.lastSweep = clock.getAsLong();
    }

    /** Takes one connection from {@code address}'s allowance; false when it has none left this second. */
    boolean tryAcquire(InetAddress address) {
        long now = clock.getAsLong();
        long sinceSweep = now - lastSweep;
        if (sinceSweep >= NANOS_PER_SECOND
                || (buckets.size() > SWEEP_THRESHOLD && sinceSweep >= BUSY_SWEEP_MILLIS * 1_000_000L)) {
            lastSweep = now;
            sweeps++;
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(ClientKey.of(address), key -> new Bucket(perSecond, now)).tryTake(now);
    }

    /** How many sweeps have run; for tests. */
    long sweeps() {
        return sweeps;
    }

    /** A client as counted: an IPv4 address, or the /64 network of an IPv6 one. */
    private record ClientKey(byte[] bytes) {
        static ClientKey of(InetAddress address) {
            byte[] raw = address.getAddress();
            return new ClientKey(raw.length == 16 ? Arrays.copyOf(raw, IPV6_NETWORK_BYTES) : raw);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ClientKey key && Arrays.equals(bytes, key.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    int trackedAddresses() {
        return buckets.size();
    }

    int perSecond() {
        return perSecond;
    }

    private static final class Bucket {
        private final int capacity;
        private double tokens;
        private long updated;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized boolean tryTake(long now) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = now - updated;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + (double) elapsed * capacity / NANOS_PER_SECOND);
                updated = now;
            }
        }
    }
}
