// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds blocking socket calls in time. Blocking {@code SocketChannel} reads and connects have no timeout of
 * their own, so a guard closes the channel when its deadline passes, which makes the blocked call throw.
 * Thread-safe.
 */
final class Watchdog implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** One armed deadline; closing the guard before the deadline disarms it. */
    interface Guard extends AutoCloseable {
        /** Whether the deadline passed and the resource was closed. */
        boolean fired();

        @Override
        void close();
    }

    /** Closes {@code resource} unless the returned guard is closed within {@code limit}. */
    Guard guard(Closeable resource, Duration limit) {
        boolean[] fired = new boolean[1];
        ScheduledFuture<?> task = timer.schedule(() -> {
            synchronized (fired) {
                fired[0] = true;
            }
            try {
                resource.close();
            } catch (IOException e) {
                // Closing is all we can do; the blocked caller gets its exception either way.
            }
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
        return new Guard() {
            @Override
            public boolean fired() {
                synchronized (fired) {
                    return fired[0];
                }
            }

            @Override
            public void close() {
                task.cancel(false);
            }
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
