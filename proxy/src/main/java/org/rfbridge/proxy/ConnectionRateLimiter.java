// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Limits how many new connections one client address may open a second: a token bucket per address
 * holding one second's worth, so a short burst up to the rate passes and a flood does not. Thread-safe.
 *
 * <p>The table forgets an address once its bucket is full again, so it holds only addresses active in
 * the last second or so; a sweep runs at most once a second and whenever the table grows past
 * {@value #SWEEP_THRESHOLD} entries.
 */
final class ConnectionRateLimiter {

    private static final int SWEEP_THRESHOLD = 50_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int perSecond;
    private final LongSupplier clock;
    private final Map<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long nextSweep;

    ConnectionRateLimiter(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    ConnectionRateLimiter(int perSecond, LongSupplier clock) {
        this.perSecond = perSecond;
        this.clock = clock;
        this.nextSweep = clock.getAsLong() + NANOS_PER_SECOND;
    }

    /** Takes one connection from {@code address}'s allowance; false when it has none left this second. */
    boolean tryAcquire(InetAddress address) {
        long now = clock.getAsLong();
        if (now - nextSweep >= 0 || buckets.size() > SWEEP_THRESHOLD) {
            nextSweep = now + NANOS_PER_SECOND;
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(address, key -> new Bucket(perSecond, now)).tryTake(now);
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
