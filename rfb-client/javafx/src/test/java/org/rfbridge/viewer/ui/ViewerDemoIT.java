// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.geometry.Point2D;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.demo.DemoServer;
import org.rfbridge.demo.desktop.DemoDesktop;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.proxy.ProxyConfig;
import org.rfbridge.proxy.ProxyServer;
import org.rfbridge.proxy.target.FixedTargetResolver;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.viewer.connect.ConfigDirectory;
import org.rfbridge.viewer.connect.ConnectView;
import org.rfbridge.viewer.session.FxDialogs;
import org.rfbridge.viewer.session.ResizeMode;
import org.testfx.api.FxRobot;

/** The viewer against the demo desktop: exact pixels at 1:1, input reaching the server, a refused password. */
@Timeout(60)
class ViewerDemoIT {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private static DemoServer open;
    private static DemoServer locked;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startServers() throws Exception {
        ViewerWindow.startToolkit();
        // Frozen: no clock, no heartbeat, so the screen changes only when a test changes it.
        open = DemoServer.builder().size(WIDTH, HEIGHT).frozen(true).start();
        locked = DemoServer.builder().size(WIDTH, HEIGHT).password("secret").frozen(true).start();
    }

    @AfterAll
    static void stopServers() {
        if (open != null) {
            open.close();
        }
        if (locked != null) {
            locked.close();
        }
    }

    private static String target(DemoServer server) {
        return "127.0.0.1::" + server.port();
    }

    @Test
    void showsTheDesktopPixelForPixelAndInputReachesIt() throws Exception {
        try (ViewerWindow window = ViewerWindow.open(target(open))) {
            window.awaitShowing(WIDTH, HEIGHT);
            int[][] last = new int[2][];
            ViewerWindow.await(Duration.ofSeconds(15),
                    () -> ViewerWindow.differences(last[0], last[1]) + " pixels differ from the demo desktop",
                    () -> {
                        try {
                            last[1] = open.snapshotArgb();
                            last[0] = window.shownPixels();
                            return ViewerWindow.differences(last[0], last[1]) == 0;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            String status = ViewerWindow.fx(() -> window.session().statusTextProperty().get());
            assertTrue(status.startsWith(DemoServer.DESKTOP_NAME + "  |  640x480"), status);

            // A click in the drawing panel paints a dot on the server.
            DemoDesktop desktop = open.desktop();
            Rect surface = desktop.layout().contentOf(desktop.layout().drawPanel());
            int x = surface.x() + surface.width() / 2;
            int y = surface.y() + surface.height() / 2;
            int before = desktop.snapshot()[y * WIDTH + x];
            Point2D point = window.screenPoint(x, y);
            robot.moveTo(point).press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
            ViewerWindow.await(Duration.ofSeconds(10), () -> "no dot at " + x + "," + y,
                    () -> desktop.snapshot()[y * WIDTH + x] != before);

            // Typing through the real keyboard path (XTest -> GTK -> JavaFX -> keysyms) reaches the echo panel.
            robot.type(KeyCode.H, KeyCode.I);
            robot.press(KeyCode.SHIFT).type(KeyCode.DIGIT1).release(KeyCode.SHIFT);
            ViewerWindow.await(Duration.ofSeconds(10), () -> "echo panel holds \"" + desktop.echoText() + "\"",
                    () -> desktop.echoText().endsWith("hi!"));

            // And what the server drew comes back to the window.
            ViewerWindow.await(Duration.ofSeconds(10), () -> "the dot is not shown",
                    () -> {
                        try {
                            return window.shownPixels()[y * WIDTH + x] == (desktop.snapshot()[y * WIDTH + x] & 0xFFFFFF);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }
    }

    @Test
    void scaledToFitClicksLandOnTheRightDesktopPixel() throws Exception {
        try (DemoServer demo = DemoServer.builder().size(WIDTH, HEIGHT).frozen(true).start();
                ViewerWindow window = ViewerWindow.open(target(demo))) {
            window.awaitShowing(WIDTH, HEIGHT);
            ViewerWindow.fx(() -> {
                window.session().resizeModeProperty().set(ResizeMode.SCALE);
                window.stage.setWidth(WIDTH / 2.0);
                window.stage.setHeight(HEIGHT / 2.0 + 60);
                return null;
            });
            ViewerWindow.await(Duration.ofSeconds(5), "the desktop to shrink", () -> ViewerWindow.fx(
                    () -> window.app.display().view().getBoundsInParent().getWidth() < WIDTH * 0.7));
            Rect surface = demo.desktop().layout().contentOf(demo.desktop().layout().drawPanel());
            int x = surface.x() + surface.width() / 3;
            int y = surface.y() + surface.height() / 2;
            int before = demo.snapshotArgb()[y * WIDTH + x];
            robot.moveTo(window.screenPoint(x, y)).press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
            // The dot is 3 px wide, so a pointer that lands within a pixel of (x, y) still paints it.
            ViewerWindow.await(Duration.ofSeconds(10), () -> "no dot at " + x + "," + y + " when scaled",
                    () -> demo.snapshotArgb()[y * WIDTH + x] != before);
        }
    }

    @Test
    void worksThroughTheWebSocketProxy() throws Exception {
        ProxyConfig config = ProxyConfig.builder(new FixedTargetResolver(new HostAndPort("127.0.0.1", open.port())))
                .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        try (ProxyServer proxy = ProxyServer.start(config);
                ViewerWindow window = ViewerWindow.open(
                        "ws://127.0.0.1:" + proxy.localAddress().getPort() + "/websockify")) {
            window.awaitShowing(WIDTH, HEIGHT);
            ViewerWindow.await(Duration.ofSeconds(10), () -> "the desktop is not shown through the proxy",
                    () -> {
                        try {
                            return ViewerWindow.differences(window.shownPixels(), open.snapshotArgb()) == 0;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }
    }

    @Test
    void aRemoteResizeResizesTheView() throws Exception {
        try (DemoServer resizable = DemoServer.builder().size(WIDTH, HEIGHT).frozen(true).start();
                ViewerWindow window = ViewerWindow.open(target(resizable))) {
            window.awaitShowing(WIDTH, HEIGHT);
            resizable.resize(800, 600);
            window.awaitShowing(800, 600);
            ViewerWindow.await(Duration.ofSeconds(10), () -> "the resized desktop is not shown",
                    () -> {
                        try {
                            return ViewerWindow.differences(window.shownPixels(), resizable.snapshotArgb()) == 0;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            ViewerWindow.await(Duration.ofSeconds(5), "the window to grow",
                    () -> ViewerWindow.fx(() -> window.stage.getWidth() >= 800 && window.stage.getHeight() >= 600));
        }
    }

    @Test
    void theConnectionFormConnectsAndRemembersTheTarget() throws Exception {
        try (ViewerWindow window = ViewerWindow.open(null)) {
            String target = target(open);
            javafx.scene.control.ComboBox<?> field = robot.lookup("#" + ConnectView.TARGET_ID).queryAs(
                    javafx.scene.control.ComboBox.class);
            ViewerWindow.fx(() -> {
                field.getEditor().clear();
                return null;
            });
            robot.clickOn(field).write(target);
            robot.type(KeyCode.ENTER);
            window.awaitShowing(WIDTH, HEIGHT);
            Path recent = Path.of(System.getProperty(ConfigDirectory.OVERRIDE_PROPERTY), "recent-connections");
            assertEquals(target, Files.readAllLines(recent).get(0));
        }
    }

    @Test
    void wrongPasswordShowsTheServersReason() throws Exception {
        try (ViewerWindow window = ViewerWindow.open(target(locked))) {
            ViewerWindow.await(Duration.ofSeconds(10), "the password prompt",
                    () -> robot.lookup("#" + FxDialogs.PASSWORD_FIELD_ID).tryQuery().isPresent());
            robot.clickOn("#" + FxDialogs.PASSWORD_FIELD_ID).write("wrong").type(KeyCode.ENTER);
            ViewerWindow.await(Duration.ofSeconds(10), "the error dialog",
                    () -> robot.lookup("#" + FxDialogs.ERROR_DIALOG_ID).tryQuery().isPresent());
            DialogPane pane = robot.lookup("#" + FxDialogs.ERROR_DIALOG_ID).queryAs(DialogPane.class);
            String reason = ViewerWindow.fx(pane::getContentText);
            assertTrue(reason.startsWith("authentication failed"), reason);
            robot.clickOn("Close");
            ViewerWindow.await(Duration.ofSeconds(10), "the connection form",
                    () -> robot.lookup("#" + ConnectView.TARGET_ID).tryQuery().isPresent());
            assertEquals(reason, ViewerWindow.fx(() -> window.session().lastErrorProperty().get()));
        }
    }

    /**
     * The demo desktop end to end with the window's session extensions: its UTF-8 greeting lands on the system
     * clipboard, and a key whose place JavaFX reports goes with its scancode.
     */
    @Test
    void theGreetingReachesTheSystemClipboardAndKeysGoWithScancodes() throws Exception {
        try (DemoServer demo = DemoServer.builder().size(WIDTH, HEIGHT).frozen(true).start();
                ViewerWindow window = ViewerWindow.open(target(demo))) {
            window.awaitShowing(WIDTH, HEIGHT);
            ViewerWindow.await(Duration.ofSeconds(10), "the demo's greeting on the system clipboard",
                    () -> ViewerWindow.fx(() -> DemoDesktop.GREETING.equals(
                            javafx.scene.input.Clipboard.getSystemClipboard().getString())));
            robot.moveTo(window.screenPoint(WIDTH / 2, HEIGHT / 2)).press(MouseButton.PRIMARY)
                    .release(MouseButton.PRIMARY);
            robot.type(KeyCode.LEFT);
            ViewerWindow.await(Duration.ofSeconds(10), () -> "the demo to log Left's scancode: "
                    + demo.desktop().recentLog(), () -> demo.desktop().recentLog().stream()
                            .anyMatch(line -> line.contains("scancode 0xcb")));
        }
    }
}
