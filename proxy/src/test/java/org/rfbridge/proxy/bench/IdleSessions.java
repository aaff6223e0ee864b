// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Concurrent idle sessions: opens sessions one after another up to a count, each complete only when a byte
 * from the backend has come back through the relay (so the relay's connection to the backend is open too),
 * holds them, checks every one still relays a byte both ways, and reads the relay's memory before and
 * after. The relay's memory growth divided by the sessions is the memory a session costs.
 */
final class IdleSessions {

    private static final Duration SETUP_LIMIT = Duration.ofSeconds(10);
    static final Duration HOLD = Duration.ofSeconds(2);
    private static final Duration SETTLE = Duration.ofSeconds(1);

    /**
     * @param attempted sessions the run tried to open
     * @param opened sessions that completed set-up before the first failure
     * @param held sessions that still relayed a byte both ways after the hold
     * @param stop why opening stopped early, or null
     * @param setupP50Micros median set-up time (connect, upgrade, first byte back)
     * @param setupP99Micros 99th percentile set-up time
     * @param openSeconds wall time to open all of them, one after another
     * @param before the relay's memory after a warm-up, before the sessions
     * @param after the relay's memory with every session open
     */
    record Outcome(int attempted, int opened, int held, String stop, double setupP50Micros, double setupP99Micros,
                   double openSeconds, ProcessMemory before, ProcessMemory after) {

        /** RSS growth per open session in KiB, or NaN where there is no relay process. */
        double rssKibPerSession() {
            return before == null || opened == 0 ? Double.NaN : (after.rssKib() - before.rssKib()) / (double) opened;
        }

        /** PSS growth per open session in KiB, or NaN where there is no relay process. */
        double pssKibPerSession() {
            return before == null || opened == 0 ? Double.NaN : (after.pssKib() - before.pssKib()) / (double) opened;
        }
    }

    private IdleSessions() {
    }

    static Outcome measure(Target target, Relay relay, Watchdog watchdog, int count, Duration openLimit,
                           PrintStream out) throws InterruptedException {
        // Warm up: classes loaded, pools and caches created, the first forks done, so the baseline below
        // is a running relay's and the growth measured after it is the sessions'.
        int warmUp = Math.max(10, Math.min(200, count / 20));
        List<BenchSession> warm = new ArrayList<>();
        try {
            for (int i = 0; i < warmUp; i++) {
                warm.add(openIdle(target, relay, watchdog));
            }
        } catch (IOException e) {
            out.println("    warm-up failed after " + warm.size() + " sessions: " + e.getMessage());
        } finally {
            warm.forEach(BenchSession::close);
        }
        Thread.sleep(SETTLE.toMillis());
        ProcessMemory before = relay.memory();

        List<BenchSession> sessions = new ArrayList<>(count);
        long[] setupNanos = new long[count];
        String stop = null;
        long begin = System.nanoTime();
        long deadline = begin + openLimit.toNanos();
        try {
            while (sessions.size() < count) {
                if (System.nanoTime() > deadline) {
                    stop = "time limit of " + openLimit.toSeconds() + " s for opening reached";
                    break;
                }
                long started = System.nanoTime();
                try {
                    sessions.add(openIdle(target, relay, watchdog));
                } catch (IOException e) {
                    stop = "session " + (sessions.size() + 1) + " failed: " + e.getMessage();
                    break;
                }
                setupNanos[sessions.size() - 1] = System.nanoTime() - started;
                if (sessions.size() % 1000 == 0) {
                    out.printf("    %d sessions open after %.1f s%n", sessions.size(),
                            (System.nanoTime() - begin) / 1e9);
                }
            }
            double openSeconds = (System.nanoTime() - begin) / 1e9;
            Thread.sleep(HOLD.toMillis());
            ProcessMemory after = relay.memory();
            int held = countAlive(sessions, watchdog);
            long[] setups = Arrays.copyOf(setupNanos, sessions.size());
            Arrays.sort(setups);
            double p50 = setups.length == 0 ? Double.NaN : RoundTrips.percentile(setups, 50) / 1e3;
            double p99 = setups.length == 0 ? Double.NaN : RoundTrips.percentile(setups, 99) / 1e3;
            return new Outcome(count, sessions.size(), held, stop, p50, p99, openSeconds, before, after);
        } finally {
            sessions.forEach(BenchSession::close);
        }
    }

    /** Opens a session and waits for the backend's first byte through it. */
    private static BenchSession openIdle(Target target, Relay relay, Watchdog watchdog) throws IOException {
        BenchSession session = target.open(relay, 1024, watchdog, SETUP_LIMIT);
        try (Watchdog.Guard guard = watchdog.guard(session, SETUP_LIMIT)) {
            session.command(BenchCommand.IDLE, 0);
            byte[] ack = new byte[1];
            session.receive(1, ack);
            if (ack[0] != BenchCommand.ACK) {
                throw new IOException("backend answered " + ack[0] + " instead of its ack");
            }
            return session;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Sends one byte on every session and counts those whose echo comes back. */
    private static int countAlive(List<BenchSession> sessions, Watchdog watchdog) {
        int alive = 0;
        byte[] echo = new byte[1];
        for (BenchSession session : sessions) {
            try (Watchdog.Guard guard = watchdog.guard(session, SETUP_LIMIT)) {
                session.send(1);
                session.receive(1, echo);
                if (echo[0] == BenchCommand.PATTERN[0]) {
                    alive++;
                }
            } catch (IOException e) {
                // A dead session simply does not count.
            }
        }
        return alive;
    }
}
