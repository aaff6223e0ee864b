// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.rfbridge.rfb.client.Target;
import org.rfbridge.testharness.SystemPrograms;
import org.rfbridge.viewer.ViewerApp;
import org.rfbridge.viewer.connect.ConfigDirectory;
import org.rfbridge.viewer.session.ResizeMode;
import org.rfbridge.viewer.session.SessionViewModel;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** One viewer window for a UI test, and the helpers the tests share. */
final class ViewerWindow implements AutoCloseable {
    final ViewerApp app = new ViewerApp();
    final Stage stage;

    private ViewerWindow(Stage stage) {
        this.stage = stage;
    }

    /**
     * Starts the JavaFX toolkit on the private X display, or skips the test loudly when there is none. The
     * viewer's configuration goes to a fresh temporary directory, never the user's.
     */
    static void startToolkit() throws Exception {
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isEmpty()) {
            SystemPrograms.require("Xvfb", "xvfb");
            // Xvfb is there, so this JVM was not started by failsafe's wrapper (src/test/xvfb-jdk/bin/java), for
            // example because a -Dtest filter made surefire pick up an *IT class.
            String message = "SKIPPED (no X display): JavaFX UI tests run in `mvn verify` (failsafe), which starts Xvfb";
            System.err.println(message);
            org.junit.jupiter.api.Assumptions.abort(message);
        }
        System.setProperty(ConfigDirectory.OVERRIDE_PROPERTY,
                Files.createTempDirectory("rfbridge-viewer-config").toString());
        FxToolkit.registerPrimaryStage();
    }

    /** Opens a viewer window connecting to {@code target}, or showing the connection form for null. */
    static ViewerWindow open(String target) throws Exception {
        Stage stage = FxToolkit.registerStage(Stage::new);
        ViewerWindow window = new ViewerWindow(stage);
        fx(() -> {
            window.app.open(stage, target == null ? null : Target.parse(target), false, ResizeMode.OFF, false);
            return null;
        });
        return window;
    }

    SessionViewModel session() {
        return app.session();
    }

    /** Waits until the session is connected and the display shows an image of the desktop's size. */
    void awaitShowing(int width, int height) throws Exception {
        await(Duration.ofSeconds(15), "the display to show " + width + "x" + height, () -> fx(() ->
                session().stateProperty().get() == SessionViewModel.State.CONNECTED
                        && app.display().sizeProperty().get() != null
                        && app.display().sizeProperty().get().getWidth() == width
                        && app.display().sizeProperty().get().getHeight() == height));
    }

    /** What the window shows of the desktop, as 0xRRGGBB pixels, rendered by JavaFX (node snapshot). */
    int[] shownPixels() throws Exception {
        return pixelsOf(app.display().view());
    }

    /** What {@code node} renders to, as 0xRRGGBB pixels (node snapshot on the FX thread). */
    static int[] pixelsOf(javafx.scene.Node node) throws Exception {
        return fx(() -> {
            WritableImage image = node.snapshot(null, null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] pixels = new int[w * h];
            image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] &= 0xFFFFFF;
            }
            return pixels;
        });
    }

    /** Where desktop pixel (x, y) is on the screen (its centre). */
    Point2D screenPoint(int x, int y) throws Exception {
        return fx(() -> app.display().content().localToScreen(app.display().toContent(x, y)));
    }

    /** Counts pixels that differ; a count of 0 is pixel for pixel. */
    static int differences(int[] shown, int[] truth) {
        if (shown.length != truth.length) {
            return Math.max(shown.length, truth.length);
        }
        int count = 0;
        for (int i = 0; i < shown.length; i++) {
            if ((shown[i] & 0xFFFFFF) != (truth[i] & 0xFFFFFF)) {
                count++;
            }
        }
        return count;
    }

    static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    /** Polls {@code condition} every 50 ms until it holds, failing after {@code limit}. */
    static void await(Duration limit, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + limit + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    static void await(Duration limit, Supplier<String> what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + limit + ": " + what.get());
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws Exception {
        fx(() -> {
            app.close();
            return null;
        });
    }
}
