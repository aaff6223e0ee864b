// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** How a launcher knows its program is ready; throws {@link IllegalStateException} when it is not. */
    @FunctionalInterface
    interface Readiness {
        void await(ManagedProcess process) throws Exception;
    }

    /** What a launcher makes of an X server with VNC built in once it is ready. */
    @FunctionalInterface
    interface VncXServerFactory<T> {
        T make(ManagedProcess process, int display, int rfbPort);
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
                System.err.println("test-harness: starting " + what + " failed (attempt " + (i + 1) + " of "
                        + ATTEMPTS + "): " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        throw last;
    }

    /**
     * Starts {@code command} and waits until {@code ready} passes. A program that does not get ready is stopped
     * before the failure goes on, so a retry never leaves it behind.
     */
    static ManagedProcess launch(List<String> command, Path log, Map<String, String> extraEnv, Readiness ready)
            throws Exception {
        ManagedProcess process = ManagedProcess.start(command, log, extraEnv);
        try {
            ready.await(process);
            return process;
        } catch (Exception | Error e) {
            process.close();
            throw e;
        }
    }

    /**
     * Starts an X server with a VNC server built in ({@code Xvnc}, {@code Xtightvnc}: they share these options) on
     * a free display and a free loopback port, with X reachable only through its Unix socket, and waits until both
     * the RFB port and the X socket are up; retried with fresh numbers as {@link #withRetries} does.
     *
     * @param what     the program's name, for messages and the log file's name
     * @param settings the options after the display, port and listening ones
     */
    static <T> T startVncXServer(String what, String program, List<String> settings, Map<String, String> extraEnv,
            Path workDir, Duration limit, VncXServerFactory<T> factory) throws Exception {
        return withRetries(what, () -> {
            int display = FreePorts.display();
            int port = FreePorts.loopbackPort();
            List<String> command = new ArrayList<>(List.of(program, ":" + display, "-rfbport", String.valueOf(port),
                    "-localhost", "-nolisten", "tcp"));
            command.addAll(settings);
            ManagedProcess process = launch(command,
                    workDir.resolve(what.toLowerCase(Locale.ROOT) + "-" + display + ".log"), extraEnv, started -> {
                        started.awaitPort(port, limit);
                        awaitXSocket(started, display, limit);
                    });
            return factory.make(process, display, port);
        });
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
