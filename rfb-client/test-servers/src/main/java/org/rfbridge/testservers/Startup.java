// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testservers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts servers whose display number or port another process may have taken between our check and their
 * start: a few attempts, each with fresh numbers, then the last failure.
 */
final class Startup {
    static final int ATTEMPTS = 3;

    @FunctionalInterface
    interface Attempt<T> {
        T run() throws Exception;
    }

    private Startup() {
    }

    static <T> T withRetries(String what, Attempt<T> attempt) throws Exception {
        Exception last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                return attempt.run();
            } catch (IllegalStateException e) {
                last = e;
                System.err.println("test-servers: starting " + what + " failed (attempt " + (i + 1) + " of "
                        + ATTEMPTS + "): " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        throw last;
    }

    /** Waits until the X display's socket exists, failing if {@code server} dies first. */
    static void awaitXSocket(ManagedProcess server, int display, Duration limit) throws Exception {
        Path socket = Path.of("/tmp/.X11-unix/X" + display);
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.exists(socket)) {
            if (!server.process().isAlive()) {
                throw new IllegalStateException("the X server for :" + display + " exited with "
                        + server.process().exitValue() + ":\n" + server.output());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("display :" + display + " did not appear within " + limit + ":\n"
                        + server.output());
            }
            Thread.sleep(20);
        }
    }
}
