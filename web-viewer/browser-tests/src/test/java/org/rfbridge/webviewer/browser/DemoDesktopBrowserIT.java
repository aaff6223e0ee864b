// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.webviewer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.rfbridge.demo.DemoServer;
import org.rfbridge.demo.desktop.DemoDesktop;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.proxy.ProxyConfig;
import org.rfbridge.proxy.ProxyServer;
import org.rfbridge.proxy.target.FixedTargetResolver;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.testharness.ArgbImage;

/** The page served by the proxy, in headless Chromium, against the demo desktop. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DemoDesktopBrowserIT {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    private static Chromium chromium;
    private static ViewerPage page;

    @BeforeAll
    static void startBrowser() throws Exception {
        chromium = Chromium.start(1280, 900);
        page = new ViewerPage(chromium.driver());
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static ProxyServer proxyTo(int port) throws Exception {
        return ProxyServer.start(ProxyConfig.builder(new FixedTargetResolver(HostAndPort.parse("127.0.0.1:" + port)))
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .build());
    }

    private static ArgbImage screen(DemoServer demo) {
        return ArgbImage.of(demo.width(), demo.height(), demo.snapshotArgb());
    }

    @Test
    void canvasEqualsTheServerScreenAndDragDrawsOnIt() throws Exception {
        try (DemoServer demo = DemoServer.builder().size(800, 600).frozen(true).start();
                ProxyServer proxy = proxyTo(demo.port())) {
            page.open(proxy.url(), "autoconnect=1&scale=none");
            String status = page.awaitConnected();
            assertTrue(status.startsWith("connected to "), status);
            page.awaitCanvasEquals(() -> screen(demo), SETTLE, "demo-initial");

            Rect surface = demo.desktop().layout().contentOf(demo.desktop().layout().drawPanel());
            int y = surface.y() + surface.height() / 2;
            int x0 = surface.x() + 20;
            int x1 = surface.x() + surface.width() / 2;
            page.drag(x0, y, x1, y);
            page.awaitCanvasEquals(() -> screen(demo), SETTLE, "demo-drawn");
            assertEquals(0xFF1F4FBF, screen(demo).pixel((x0 + x1) / 2, y), "the server drew where the pointer dragged");
        }
    }

    @Test
    void viewOnlySendsNoInputUntilSwitchedOff() throws Exception {
        try (DemoServer demo = DemoServer.builder().size(800, 600).frozen(true).start();
                ProxyServer proxy = proxyTo(demo.port())) {
            page.open(proxy.url(), "autoconnect=1&scale=none&view_only=1");
            page.awaitConnected();
            page.awaitCanvasEquals(() -> screen(demo), SETTLE, "demo-view-only");
            Rect surface = demo.desktop().layout().contentOf(demo.desktop().layout().drawPanel());
            int y = surface.y() + surface.height() / 2;
            int x0 = surface.x() + 20;
            int x1 = surface.x() + surface.width() / 2;
            long generation = demo.generation();
            page.drag(x0, y, x1, y);
            page.type("abc");
            // A negative check needs a bounded wait: long enough for a loopback round trip many times over.
            Thread.sleep(500);
            assertEquals(generation, demo.generation(), "view-only sent nothing the desktop reacted to");

            chromium.driver().findElement(By.id("view-only")).click();
            page.drag(x0, y, x1, y);
            page.awaitCanvasEquals(() -> screen(demo), SETTLE, "demo-view-only-off");
            assertEquals(0xFF1F4FBF, screen(demo).pixel((x0 + x1) / 2, y));
        }
    }

    @Test
    void typedTextArrivesAsTheRightKeysyms() throws Exception {
        String text = "Hello, Wörld! 123";
        try (DemoServer demo = DemoServer.builder().size(800, 600).frozen(true).start();
                DemoServer reference = DemoServer.builder().size(800, 600).frozen(true).start();
                ProxyServer proxy = proxyTo(demo.port())) {
            page.open(proxy.url(), "autoconnect=1&scale=none");
            page.awaitConnected();
            Rect echo = demo.desktop().layout().echoPanel();
            page.click(echo.x() + 5, echo.y() + 5);
            page.type(text);
            reference.typeText(text);
            ArgbImage expected = screen(reference).crop(echo.x(), echo.y(), echo.width(), echo.height());
            long deadline = System.nanoTime() + SETTLE.toNanos();
            ArgbImage actual;
            do {
                Thread.sleep(100);
                actual = screen(demo).crop(echo.x(), echo.y(), echo.width(), echo.height());
            } while (actual.countDifferentPixels(expected) != 0 && System.nanoTime() < deadline);
            assertEquals(null, actual.describeDifference(expected, 0),
                    "the echo panel shows what the demo shows for \"" + text + "\" typed on the server");
            page.awaitCanvasEquals(() -> screen(demo), SETTLE, "demo-typed");
        }
    }

    @Test
    void serverSideResizeResizesTheCanvas() throws Exception {
        try (DemoServer demo = DemoServer.builder().size(800, 600).frozen(true).start();
                ProxyServer proxy = proxyTo(demo.port())) {
            page.open(proxy.url(), "autoconnect=1&scale=none");
            page.awaitConnected();
            page.awaitCanvasEquals(() -> screen(demo), SETTLE, "demo-before-resize");
            demo.resize(640, 480);
            page.awaitCanvasEquals(() -> screen(demo), SETTLE, "demo-resized");
        }
    }

    @Test
    void wrongPasswordShowsTheServersReasonAndTheRightOneConnects() throws Exception {
        try (DemoServer demo = DemoServer.builder().size(640, 480).frozen(true).password("s3cret").start();
                ProxyServer proxy = proxyTo(demo.port())) {
            page.open(proxy.url(), "autoconnect=1");
            enterPassword("wrong");
            String status = page.awaitStatus(s -> s.startsWith("disconnected:"), "disconnected", SETTLE);
            assertTrue(status.contains("wrong password"), "the server's reason is shown: " + status);
            assertTrue(!page.driver().getCurrentUrl().contains("wrong"), "the password is not in the URL");

            chromium.driver().findElement(By.id("connect")).click();
            enterPassword("s3cret");
            page.awaitConnected();
            page.awaitCanvasEquals(() -> screen(demo), SETTLE, "demo-password");
        }
    }

    private static void enterPassword(String password) throws InterruptedException {
        page.awaitStatus(s -> s.contains("password"), "asking for a password", SETTLE);
        var field = chromium.driver().findElement(By.id("password"));
        field.sendKeys(password);
        chromium.driver().findElement(By.id("password-ok")).click();
    }

    @Test
    void serverGoingAwayShowsTheReasonAndReconnectsWhenItReturns() throws Exception {
        int port;
        try (DemoServer first = DemoServer.builder().size(640, 480).frozen(true).start()) {
            port = first.port();
            try (ProxyServer proxy = proxyTo(port)) {
                page.open(proxy.url(), "autoconnect=1&scale=none");
                page.awaitConnected();
                first.close();
                String status = page.awaitStatus(s -> s.startsWith("disconnected:"), "disconnected", SETTLE);
                assertTrue(status.contains("reconnecting"), status);
                try (DemoServer second = DemoServer.builder().size(640, 480).frozen(true)
                        .listen(new InetSocketAddress("127.0.0.1", port)).start()) {
                    page.awaitStatus(s -> s.startsWith("connected to"), "connected again", Duration.ofSeconds(30));
                    page.awaitCanvasEquals(() -> screen(second), SETTLE, "demo-reconnected");
                }
            }
        }
    }

    @Test
    void theEmbeddingSampleConnects(@org.junit.jupiter.api.io.TempDir java.nio.file.Path site) throws Exception {
        java.nio.file.Path sample = java.nio.file.Path.of("../../samples/embedding/index.html");
        java.nio.file.Path www = java.nio.file.Path.of("../www");
        java.nio.file.Files.copy(sample, site.resolve("index.html"));
        try (var files = java.nio.file.Files.walk(www)) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
                java.nio.file.Path target = site.resolve("rfbridge").resolve(www.relativize(file).toString());
                if (java.nio.file.Files.isDirectory(file)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(file, target);
                }
            }
        }
        try (DemoServer demo = DemoServer.builder().size(640, 480).frozen(true).start();
                ProxyServer proxy = ProxyServer.start(ProxyConfig.builder(
                                new FixedTargetResolver(HostAndPort.parse("127.0.0.1:" + demo.port())))
                        .listen(new InetSocketAddress("127.0.0.1", 0))
                        .webRoot(site)
                        .build())) {
            chromium.driver().get(proxy.url());
            long deadline = System.nanoTime() + SETTLE.toNanos();
            String status = "";
            while (!status.startsWith("connected to") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                status = chromium.driver().findElement(By.id("status")).getText();
            }
            assertEquals("connected to " + DemoServer.DESKTOP_NAME, status);
            assertEquals(List.of(640L, 480L), page.script(
                    "const c = document.querySelector('#desktop canvas'); return [c.width, c.height];"));
        }
    }

    @Test
    void hostileServerIsReportedAndThePageSurvives() throws Exception {
        try (java.net.ServerSocket liar = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                ProxyServer proxy = proxyTo(liar.getLocalPort())) {
            Thread server = new Thread(() -> {
                try (var socket = liar.accept()) {
                    var out = socket.getOutputStream();
                    var in = socket.getInputStream();
                    out.write("RFB 003.008\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    in.readNBytes(12);
                    out.write(new byte[] {1, 1}); // security: None
                    in.readNBytes(1);
                    out.write(new byte[] {0, 0, 0, 0}); // SecurityResult OK
                    in.readNBytes(1);
                    // ServerInit 100x100, 32bpp true colour, name "x"
                    out.write(new byte[] {0, 100, 0, 100, 32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255,
                        16, 8, 0, 0, 0, 0, 0, 0, 0, 1, 'x'});
                    // A Raw rectangle far outside the 100x100 framebuffer.
                    out.write(new byte[] {0, 0, 0, 1, 0x7f, 0, 0x7f, 0, 0x7f, 0, 0x7f, 0, 0, 0, 0, 0});
                    out.flush();
                    in.readNBytes(1 << 16);
                } catch (java.io.IOException ignored) {
                    // the browser hung up, as it should
                }
            }, "hostile-server");
            server.setDaemon(true);
            server.start();
            page.open(proxy.url(), "autoconnect=1");
            String status = page.awaitStatus(s -> s.startsWith("disconnected:"), "disconnected", SETTLE);
            assertTrue(status.contains("outside"), "the error names the problem: " + status);
            assertEquals(2L, ((Number) page.script("return 1 + 1")).longValue(), "the page still runs scripts");
        }
    }

    /**
     * The demo desktop end to end with the page's session extensions: its UTF-8 greeting arrives in the clipboard
     * panel, the panel's text becomes the desktop's clipboard, and keys go with their scancodes.
     */
    @Test
    void theClipboardAndScancodesWorkEndToEnd() throws Exception {
        try (DemoServer demo = DemoServer.builder().size(800, 600).frozen(true).start();
                ProxyServer proxy = proxyTo(demo.port())) {
            page.open(proxy.url(), "autoconnect=1&scale=none");
            page.awaitConnected();
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) page.driver();
            new org.openqa.selenium.support.ui.WebDriverWait(page.driver(), SETTLE).until(d -> DemoDesktop.GREETING
                    .equals(js.executeScript("return document.getElementById('clipboard-text').value")));
            String text = "Hallo 🙂 東京, zweite\nZeile";
            js.executeScript("document.getElementById('clipboard-text').value = arguments[0];"
                    + "document.getElementById('clipboard-send').click();", text);
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (!text.equals(demo.desktop().clipboardText()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(text, demo.desktop().clipboardText());
            page.click(400, 300);
            page.type("q");
            deadline = System.nanoTime() + SETTLE.toNanos();
            while (demo.desktop().recentLog().stream().noneMatch(line -> line.contains("scancode 0x10"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(demo.desktop().recentLog().stream().anyMatch(line -> line.contains("scancode 0x10")),
                    "the demo saw Q's scancode: " + demo.desktop().recentLog());
        }
    }
}
