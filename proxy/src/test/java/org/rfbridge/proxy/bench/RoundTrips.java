// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Small-message latency: one session, a 16-byte message to the echo backend and its echo back, one at a
 * time, like a pointer event and the small update it causes. Each echo is checked byte for byte.
 */
final class RoundTrips {

    static final int MESSAGE_BYTES = 16;

    /** Round-trip times in microseconds (nearest-rank percentiles). */
    record Latency(int count, double p50, double p99, double p999, double mean) {
    }

    private RoundTrips() {
    }

    static Latency measure(Target target, Relay relay, Watchdog watchdog, int warmUp, int count, Duration limit)
            throws IOException {
        byte[] expected = Arrays.copyOf(BenchCommand.PATTERN, MESSAGE_BYTES);
        byte[] echo = new byte[MESSAGE_BYTES];
        long[] nanos = new long[count];
        try (BenchSession session = target.open(relay, 4096, watchdog, limit);
             Watchdog.Guard guard = watchdog.guard(session, limit)) {
            session.command(BenchCommand.ECHO, 0);
            for (int i = -warmUp; i < count; i++) {
                long begin = System.nanoTime();
                session.send(MESSAGE_BYTES);
                session.receive(MESSAGE_BYTES, echo);
                long took = System.nanoTime() - begin;
                if (!Arrays.equals(expected, echo)) {
                    throw new IOException("echo through " + target.name() + " came back changed");
                }
                if (i >= 0) {
                    nanos[i] = took;
                }
            }
        } catch (IOException e) {
            throw new IOException("round trips through " + target.name() + " failed: " + e.getMessage(), e);
        }
        Arrays.sort(nanos);
        double sum = 0;
        for (long value : nanos) {
            sum += value;
        }
        return new Latency(count, micros(percentile(nanos, 50)), micros(percentile(nanos, 99)),
                micros(percentile(nanos, 99.9)), sum / count / 1e3);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double micros(long nanos) {
        return nanos / 1e3;
    }
}
