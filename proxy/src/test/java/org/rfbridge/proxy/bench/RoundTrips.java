// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Small-message latency: one session per target, a 16-byte message to the echo backend and its echo back,
 * one at a time, like a pointer event and the small update it causes. Each echo is checked byte for byte.
 *
 * <p>The targets take turns in blocks ({@link #block}), all relays running at once, so a slow spell on the
 * shared machine lands on every target's samples instead of on whichever target was being measured then:
 * round-trip times here move by a factor of two with what else the two cores are doing.
 */
final class RoundTrips implements AutoCloseable {

    static final int MESSAGE_BYTES = 16;
    private static final byte[] EXPECTED = Arrays.copyOf(BenchCommand.PATTERN, MESSAGE_BYTES);

    /** Round-trip times in microseconds (nearest-rank percentiles). */
    record Latency(int count, double p50, double p99, double p999, double mean) {
    }

    private final Target target;
    private final BenchSession session;
    private final Watchdog.Guard guard;
    private final long[] nanos;
    private final byte[] echo = new byte[MESSAGE_BYTES];
    private int taken;

    private RoundTrips(Target target, BenchSession session, Watchdog.Guard guard, int count) {
        this.target = target;
        this.session = session;
        this.guard = guard;
        this.nanos = new long[count];
    }

    /**
     * Opens the echo session through {@code relay} and runs {@code warmUp} untimed round trips. The watchdog
     * closes the session after {@code limit}, which makes any later block fail rather than hang.
     */
    static RoundTrips open(Target target, Relay relay, Watchdog watchdog, int warmUp, int count, Duration limit)
            throws IOException {
        BenchSession session = target.open(relay, 4096, watchdog, limit);
        RoundTrips trips = new RoundTrips(target, session, watchdog.guard(session, limit), count);
        try {
            session.command(BenchCommand.ECHO, 0);
            for (int i = 0; i < warmUp; i++) {
                trips.once();
            }
            return trips;
        } catch (IOException | RuntimeException e) {
            trips.close();
            throw new IOException("round trips through " + target.name() + " failed: " + e.getMessage(), e);
        }
    }

    String targetName() {
        return target.name();
    }

    /** Times up to {@code count} more round trips (fewer when all are taken). */
    void block(int count) throws IOException {
        try {
            for (int i = 0; i < count && taken < nanos.length; i++) {
                nanos[taken++] = once();
            }
        } catch (IOException e) {
            throw new IOException("round trips through " + target.name() + " failed: " + e.getMessage(), e);
        }
    }

    private long once() throws IOException {
        long begin = System.nanoTime();
        session.send(MESSAGE_BYTES);
        session.receive(MESSAGE_BYTES, echo);
        long took = System.nanoTime() - begin;
        if (!Arrays.equals(EXPECTED, echo)) {
            throw new IOException("echo through " + target.name() + " came back changed");
        }
        return took;
    }

    /** Percentiles of the round trips timed so far. */
    Latency latency() {
        long[] sorted = Arrays.copyOf(nanos, taken);
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new Latency(taken, micros(percentile(sorted, 50)), micros(percentile(sorted, 99)),
                micros(percentile(sorted, 99.9)), taken == 0 ? Double.NaN : sum / taken / 1e3);
    }

    @Override
    public void close() {
        guard.close();
        session.close();
    }

    /** Nearest-rank percentile of sorted values; 0 for none. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double micros(long nanos) {
        return nanos / 1e3;
    }
}
