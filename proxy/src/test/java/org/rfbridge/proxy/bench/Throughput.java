// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bulk transfer through a relay: {@code sessions} connections at once, each moving a fixed byte count one
 * way. Sessions are opened before the clock starts; the clock stops when the last byte arrived (downstream)
 * or the backend acknowledged the last byte (upstream), so every byte is counted end to end.
 */
final class Throughput {

    /** Throughput is in MB/s with MB = 10^6 bytes, as the figures are. */
    static final double MB = 1e6;

    private static final Duration SETUP_LIMIT = Duration.ofSeconds(10);

    private Throughput() {
    }

    /**
     * Runs one transfer and returns the aggregate rate in MB/s. Every session is closed by the watchdog
     * after {@code limit}, which makes the run fail rather than hang.
     */
    static double run(Target target, Relay relay, Watchdog watchdog, ExecutorService pool, boolean downstream,
                      int sessions, long bytesPerSession, Duration limit) throws IOException, InterruptedException {
        List<BenchSession> open = new ArrayList<>();
        List<Watchdog.Guard> guards = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                open.add(target.open(relay, 256 << 10, watchdog, SETUP_LIMIT));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> ends = new ArrayList<>();
            for (BenchSession session : open) {
                guards.add(watchdog.guard(session, limit));
                ends.add(pool.submit(() -> {
                    start.await();
                    if (downstream) {
                        session.command(BenchCommand.DOWNSTREAM, bytesPerSession);
                        session.receive(bytesPerSession, null);
                    } else {
                        session.command(BenchCommand.UPSTREAM, bytesPerSession);
                        session.send(bytesPerSession);
                        byte[] ack = new byte[1];
                        session.receive(1, ack);
                        if (ack[0] != BenchCommand.ACK) {
                            throw new IOException("backend answered " + ack[0] + " instead of its ack");
                        }
                    }
                    return System.nanoTime();
                }));
            }
            long begin = System.nanoTime();
            start.countDown();
            long last = begin;
            for (Future<Long> end : ends) {
                last = Math.max(last, end.get(limit.toMillis() + 1_000, TimeUnit.MILLISECONDS));
            }
            double seconds = (last - begin) / 1e9;
            return sessions * (double) bytesPerSession / MB / seconds;
        } catch (ExecutionException e) {
            throw new IOException((downstream ? "downstream" : "upstream") + " transfer through " + target.name()
                    + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("transfer through " + target.name() + " took longer than " + limit, e);
        } finally {
            guards.forEach(Watchdog.Guard::close);
            open.forEach(BenchSession::close);
        }
    }
}
