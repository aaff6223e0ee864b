// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Notices when configuration files change while the proxy runs, so that they are re-read without a
 * restart: polls their names, sizes and modification times on a daemon thread of its own, and calls a
 * reload when they differ from what was last loaded. A reload that fails (a file caught half-written) is
 * reported once for those files, not at every poll, and tried again when they change again; the owner
 * keeps what it had loaded before.
 */
public final class FileWatch implements AutoCloseable {

    /** The files to watch, listed afresh at every poll (a directory may gain or lose files). */
    @FunctionalInterface
    public interface FileList {
        List<Path> list() throws IOException;
    }

    /** Re-reads the files; throwing leaves the owner's previous state in use. */
    @FunctionalInterface
    public interface Reload {
        void run() throws IOException;
    }

    private final FileList files;
    private ScheduledExecutorService poller;
    private volatile String loaded;
    private volatile String failed = "";

    /**
     * Takes the files' state now: call it just before the owner's first load, so that a change made
     * while that load runs is seen by the first poll.
     */
    public FileWatch(FileList files) throws IOException {
        this.files = files;
        this.loaded = stateOf(files.list());
    }

    /** Starts polling every {@code interval}, calling {@code reload} on a change and {@code onFailure} once per failed state. */
    public synchronized void start(String threadName, Duration interval, Reload reload, Consumer<Exception> onFailure) {
        if (poller != null) {
            throw new IllegalStateException("already started");
        }
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(10, interval.toMillis());
        poller.scheduleWithFixedDelay(() -> poll(reload, onFailure), millis, millis, TimeUnit.MILLISECONDS);
    }

    private void poll(Reload reload, Consumer<Exception> onFailure) {
        String now;
        try {
            now = stateOf(files.list());
        } catch (IOException | RuntimeException e) {
            report("unreadable: " + e, e, onFailure);
            return;
        }
        if (now.equals(loaded) || now.equals(failed)) {
            return;
        }
        try {
            reload.run();
            loaded = now;
            failed = "";
        } catch (IOException | RuntimeException e) {
            report(now, e, onFailure);
        }
    }

    private void report(String state, Exception e, Consumer<Exception> onFailure) {
        if (!state.equals(failed)) {
            failed = state;
            onFailure.accept(e);
        }
    }

    private static String stateOf(List<Path> files) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path file : files) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            sb.append(file).append('|').append(attributes.size()).append('|')
                    .append(attributes.lastModifiedTime().toMillis()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
