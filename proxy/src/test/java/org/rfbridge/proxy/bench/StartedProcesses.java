// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every process the benchmark starts, so each is stopped by its PID: when the caller is done with it, at
 * the end of the run, and from a shutdown hook if the run is interrupted. Each PID is also appended to a
 * file, so the script that started the benchmark can stop them even if this JVM is killed outright.
 * Thread-safe.
 */
final class StartedProcesses implements AutoCloseable {

    private static final long GRACE_MILLIS = 5_000;

    private final Path pidFile;
    private final List<Process> running = new ArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "bench-stop-children");

    StartedProcesses(Path pidFile) {
        this.pidFile = pidFile;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts {@code builder} and records its PID before returning it, with the process's start time from
     * {@code /proc}, so the script never stops a later process that happens to get the same PID.
     */
    synchronized Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        running.add(process);
        if (pidFile != null) {
            Files.writeString(pidFile, process.pid() + " " + startTime(process.pid()) + "\n",
                    StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return process;
    }

    /** Field 22 of {@code /proc/PID/stat} (clock ticks since boot), or "?" where it cannot be read. */
    private static String startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // The command name (field 2) may hold spaces and parentheses; the fields after its last ')' do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return fields.length > 19 ? fields[19] : "?";
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /**
     * Stops {@code process} and everything it forked: SIGTERM to the children first (so a forking relay
     * cannot fork again after its children are counted), then the process, then SIGKILL after a grace
     * period for whatever is left.
     */
    void stop(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (ProcessHandle child : tree) {
            while (child.isAlive() && System.nanoTime() < deadline) {
                sleep(10);
            }
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        synchronized (this) {
            running.remove(process);
        }
    }

    private void stopAll() {
        List<Process> all;
        synchronized (this) {
            all = new ArrayList<>(running);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            stop(all.get(i));
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or ran.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
