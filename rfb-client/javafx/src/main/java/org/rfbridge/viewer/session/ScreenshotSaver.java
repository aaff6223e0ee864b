// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.rfbridge.rfb.client.RfbClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves what a session shows as a PNG file. The pixels are taken from the client's session thread between
 * updates (so the picture is never half of one update) and written on the {@code background} executor, as
 * both may take a while; the outcome is reported on {@code ui}.
 */
final class ScreenshotSaver {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotSaver.class);
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(10);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DialogService dialogs;
    private final Executor ui;
    private final Executor background;
    private final Consumer<String> status;

    /**
     * @param status shows a short message in the session's status line; called on {@code ui}
     */
    ScreenshotSaver(DialogService dialogs, Executor ui, Executor background, Consumer<String> status) {
        this.dialogs = dialogs;
        this.ui = ui;
        this.background = background;
        this.status = status;
    }

    /** Asks where to save, then saves there; on the JavaFX application thread. */
    void askAndSave(RfbClient client) {
        String name = "screenshot-" + LocalDateTime.now().format(FILE_TIME) + ".png";
        dialogs.askScreenshotFile(name).ifPresent(path -> save(client, path));
    }

    /** Writes the client's current screen to {@code path}; completes when the file is written. */
    CompletableFuture<Path> save(RfbClient client, Path path) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        background.execute(() -> {
            try {
                PngWriter.write(client.snapshot(SNAPSHOT_TIMEOUT), path);
                ui.execute(() -> status.accept("saved " + path.getFileName()));
                done.complete(path);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.warn("screenshot to {} failed", path, e);
                ui.execute(() -> dialogs.showError("Screenshot failed", "Cannot save " + path + ": " + e.getMessage()));
                done.completeExceptionally(e);
            }
        });
        return done;
    }
}
