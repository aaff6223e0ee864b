// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the demo desktop moving on its own: redraws the clock every second and adds a heartbeat line to
 * the log at a fixed interval. Runs on one daemon thread of its own; {@link #close()} stops it.
 */
public final class DesktopAnimator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopAnimator.class);

    /** The interval between heartbeat log lines when none is given. */
    public static final Duration DEFAULT_LOG_INTERVAL = Duration.ofMillis(500);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final DemoDesktop desktop;
    private final Clock clock;
    private final Duration logInterval;
    private final ScheduledExecutorService executor;
    private final AtomicLong heartbeat = new AtomicLong();

    /**
     * @param logInterval time between heartbeat lines; must be positive
     */
    public DesktopAnimator(DemoDesktop desktop, Clock clock, Duration logInterval) {
        if (logInterval.isNegative() || logInterval.isZero()) {
            throw new IllegalArgumentException("log interval must be positive, not " + logInterval);
        }
        this.desktop = desktop;
        this.clock = clock;
        this.logInterval = logInterval;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "demo-desktop-animator");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the clock and the heartbeat; call once. */
    public void start() {
        long millis = clock.millis();
        // Tick just after each full second so the displayed seconds change on time.
        long toNextSecond = 1000 - Math.floorMod(millis, 1000L) + 5;
        executor.scheduleAtFixedRate(guarded(desktop::tickClock), toNextSecond, 1000, TimeUnit.MILLISECONDS);
        long interval = logInterval.toMillis();
        executor.scheduleAtFixedRate(guarded(this::heartbeat), interval, Math.max(1, interval), TimeUnit.MILLISECONDS);
    }

    /** A periodic task that throws is never run again; log and carry on instead. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("demo desktop animation step failed", e);
            }
        };
    }

    private void heartbeat() {
        long n = heartbeat.incrementAndGet();
        desktop.log(String.format(Locale.ROOT, "%s heartbeat %d", LocalTime.now(clock).format(TIME), n));
    }

    /** Stops the animation and waits briefly for a running tick to finish. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
