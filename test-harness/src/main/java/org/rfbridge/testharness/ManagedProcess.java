// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program a test starts (a VNC server, the proxy's jar), with its output in a log file, stopped by PID
 * on close: SIGTERM first, then SIGKILL if it lingers.
 */
public final class ManagedProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ManagedProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ManagedProcess start(List<String> command, Path log) throws IOException {
        return start(command, log, Map.of());
    }

    /** Starts {@code command} with {@code extraEnv} added to this JVM's environment, output to {@code log}. */
    public static ManagedProcess start(List<String> command, Path log, Map<String, String> extraEnv)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(extraEnv);
        return new ManagedProcess(builder.start(), log);
    }

    /** The process id, for logs and for stopping it by PID. */
    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Waits until {@code port} on loopback accepts, failing with the program's output if it dies. */
    public void awaitPort(int port, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the program exited with " + process.exitValue() + ":\n" + output());
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("port " + port + " did not open within " + limit + ":\n" + output());
                }
                Thread.sleep(50);
            }
        }
    }

    /** Waits until the log contains {@code text}. */
    public void awaitOutput(String text, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("no '" + text + "' in the output:\n" + output());
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** An X display number with no server on it, picked at random from 40-99 to stay clear of others. */
    public static int freeDisplay() {
        return FreePorts.display();
    }
}
