// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class FileWatchTest {

    @TempDir
    Path dir;

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "timed out");
    }

    /**
     * Replaces the file in one step, as a deployment does: written in place, the poller could see the new text
     * with the old time and then the new time, two changes for one.
     */
    private static void touch(Path file, String text, long secondsAhead) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, text);
        Files.setLastModifiedTime(next, FileTime.fromMillis(System.currentTimeMillis() + secondsAhead * 1000));
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aFailedReloadIsReportedOnceAndRetriedWhenTheFilesChangeAgain() throws Exception {
        Path file = dir.resolve("config");
        touch(file, "one", 0);
        AtomicInteger reloads = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        try (FileWatch watch = new FileWatch(() -> List.of(file))) {
            watch.start("test-poller", Duration.ofMillis(10), () -> {
                if (Files.readString(file).startsWith("broken")) {
                    throw new IOException("does not load");
                }
                reloads.incrementAndGet();
            }, e -> failures.incrementAndGet());
            Thread.sleep(100);
            assertEquals(0, reloads.get(), "unchanged files are not reloaded");

            touch(file, "broken", 5);
            await(() -> failures.get() == 1);
            Thread.sleep(200);
            assertEquals(1, failures.get(), "the same broken files are reported once, not at every poll");

            touch(file, "two", 10);
            await(() -> reloads.get() == 1);
            Thread.sleep(100);
            assertEquals(1, reloads.get());
            assertEquals(1, failures.get());
        }
    }
}
