// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows password guessing: after {@value #FREE_FAILURES} failed logins from one address, that address is
 * refused for {@value #FIRST_BLOCK_SECONDS} s, and each failure after a block doubles the next one (up to
 * {@value #MAX_BLOCK_SECONDS} s), as TigerVNC's blacklist does. A successful login forgets the address.
 * Thread-safe; the table holds at most {@value #MAX_ADDRESSES} addresses, the least recent dropped first.
 */
final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final long FIRST_BLOCK_SECONDS = 10;
    static final long MAX_BLOCK_SECONDS = 600;
    private static final int MAX_ADDRESSES = 10_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final LongSupplier clock;
    private final Map<InetAddress, Record> records = new HashMap<>();

    private static final class Record {
        int failures;
        long blockSeconds;
        long blockedUntil;
        long lastSeen;
    }

    LoginThrottle() {
        this(System::nanoTime);
    }

    LoginThrottle(LongSupplier clock) {
        this.clock = clock;
    }

    /** Seconds until {@code address} may try again, rounded up; 0 when it may now. */
    synchronized long secondsBlocked(InetAddress address) {
        Record record = records.get(address);
        if (record == null) {
            return 0;
        }
        long left = record.blockedUntil - clock.getAsLong();
        return left <= 0 ? 0 : (left + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    synchronized void failed(InetAddress address) {
        long now = clock.getAsLong();
        if (!records.containsKey(address) && records.size() >= MAX_ADDRESSES) {
            forgetLeastRecent();
        }
        Record record = records.computeIfAbsent(address, key -> new Record());
        record.lastSeen = now;
        record.failures++;
        if (record.failures >= FREE_FAILURES) {
            record.blockSeconds = record.blockSeconds == 0 ? FIRST_BLOCK_SECONDS
                    : Math.min(MAX_BLOCK_SECONDS, record.blockSeconds * 2);
            record.blockedUntil = now + record.blockSeconds * NANOS_PER_SECOND;
        }
    }

    synchronized void succeeded(InetAddress address) {
        records.remove(address);
    }

    private void forgetLeastRecent() {
        InetAddress oldest = null;
        long oldestSeen = Long.MAX_VALUE;
        for (Map.Entry<InetAddress, Record> entry : records.entrySet()) {
            if (entry.getValue().lastSeen < oldestSeen) {
                oldestSeen = entry.getValue().lastSeen;
                oldest = entry.getKey();
            }
        }
        records.remove(oldest);
    }
}
