// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.webviewer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.proxy.ProxyConfig;
import org.rfbridge.proxy.ProxyServer;
import org.rfbridge.proxy.target.FixedTargetResolver;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.testharness.XEventObserver;
import org.rfbridge.testharness.XvncServer;

/** The page served by the proxy, in headless Chromium, against TigerVNC's Xvnc. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class XvncBrowserIT {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    @TempDir
    static Path workDir;

    private static XvncServer xvnc;
    private static ProxyServer proxy;
    private static Chromium chromium;
    private static ViewerPage page;

    @BeforeAll
    static void start() throws Exception {
        xvnc = XvncServer.builder().geometry(800, 600).desktopName("rfbridge-browser-it").start(workDir);
        proxy = ProxyServer.start(ProxyConfig.builder(new FixedTargetResolver(HostAndPort.parse("127.0.0.1:" + xvnc.rfbPort())))
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .build());
        chromium = Chromium.start(1280, 900);
        page = new ViewerPage(chromium.driver());
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (xvnc != null) {
            xvnc.close();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        page.open(proxy.url(), "autoconnect=1&scale=none");
        assertEquals("connected to rfbridge-browser-it", page.awaitConnected());
        // Xvnc draws the pointer into the framebuffer for a client whose last pointer event is not where
        // the pointer is (it was moved by an earlier session); a move of our own keeps it out of the pixels.
        page.moveTo(799, 599);
    }

    @Test
    void canvasEqualsTheServerScreen() throws Exception {
        xvnc.x().setRootPattern(0xff8000, 0x0040c0);
        page.awaitCanvasEquals(() -> xvnc.x().grab(), SETTLE, "xvnc-pattern");
        xvnc.x().setRootColour(0x336699);
        page.awaitCanvasEquals(() -> xvnc.x().grab(), SETTLE, "xvnc-solid");
    }

    @Test
    void theLocalCursorTakesTheServersShape() throws Exception {
        // A bare Xvnc's root has an invisible pointer; give it the usual arrow.
        xvnc.x().runClient(List.of(org.rfbridge.testharness.SystemPrograms.require("xsetroot", "x11-xserver-utils"),
                "-cursor_name", "left_ptr"));
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String cursor = "";
        while (!cursor.startsWith("url(") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            cursor = String.valueOf(page.script("return rfbridge.viewer.canvas.style.cursor;"));
        }
        org.junit.jupiter.api.Assertions.assertTrue(cursor.startsWith("url(\"data:image/png;base64,"), cursor);
    }

    @Test
    void clickOnTheCanvasMovesAndClicksTheServerPointer() throws Exception {
        try (XEventObserver events = xvnc.x().observeEvents(workDir)) {
            page.click(123, 45);
            events.awaitMotionTo(123, 45, SETTLE);
            events.awaitButtonPress(1, SETTLE);
            events.awaitButtonRelease(1, SETTLE);
        }
    }

    @Test
    void wheelScrollsVerticallyAndHorizontally() throws Exception {
        try (XEventObserver events = xvnc.x().observeEvents(workDir)) {
            page.moveTo(200, 200);
            page.wheel(200, 200, 0, 120);
            events.awaitButtonPress(5, SETTLE);
            page.wheel(200, 200, 0, -120);
            events.awaitButtonPress(4, SETTLE);
            page.wheel(200, 200, 120, 0);
            events.awaitButtonPress(7, SETTLE);
            page.wheel(200, 200, -120, 0);
            events.awaitButtonPress(6, SETTLE);
        }
    }

    @Test
    void theKeysMenuSendsCtrlAltDel() throws Exception {
        try (XEventObserver events = xvnc.x().observeEvents(workDir)) {
            chromium.driver().findElement(org.openqa.selenium.By.cssSelector("#keys-menu summary")).click();
            chromium.driver().findElement(org.openqa.selenium.By.xpath("//div[@id='keys-list']/button[1]")).click();
            events.awaitKeysPressed(List.of("Control_L", "Alt_L", "Delete"), SETTLE);
        }
    }

    @Test
    void typedTextArrivesAsTheRightKeysyms() throws Exception {
        try (XEventObserver events = xvnc.x().observeEvents(workDir)) {
            page.click(400, 300);
            page.type("Hello, Wörld! 123");
            List<String> expected = List.of("H", "e", "l", "l", "o", "comma", "space", "W", "odiaeresis", "r", "l",
                    "d", "exclam", "space", "1", "2", "3");
            long deadline = System.nanoTime() + SETTLE.toNanos();
            List<String> typed;
            do {
                Thread.sleep(100);
                // Xvnc adds modifier presses of its own (Shift or Caps_Lock) to reach a keysym's level.
                typed = events.keysPressed().stream().filter(name -> !name.startsWith("Shift_")
                        && !name.equals("Caps_Lock") && !name.startsWith("ISO_Level3")
                        && !name.startsWith("Mode_switch")).toList();
            } while (!typed.equals(expected) && System.nanoTime() < deadline);
            assertEquals(expected, typed);
        }
    }

    @Test
    void serverSideResizeResizesTheCanvas() throws Exception {
        try {
            xvnc.resize(1024, 768);
            page.awaitCanvasEquals(() -> xvnc.x().grab(), SETTLE, "xvnc-resized");
        } finally {
            xvnc.resize(800, 600);
        }
        page.awaitCanvasEquals(() -> xvnc.x().grab(), SETTLE, "xvnc-resized-back");
    }

    /** UTF-8 text both ways between the page's clipboard panel and an X client's clipboard on Xvnc's display. */
    @Test
    void utf8ClipboardTextGoesBothWaysWithAnXClient() throws Exception {
        org.openqa.selenium.WebDriver driver = chromium.driver();
        String fromX = "Grüße, 東京, 🙂";
        try (org.rfbridge.testharness.ManagedProcess owner = xvnc.x().ownClipboard(fromX, workDir)) {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, SETTLE).until(d -> fromX.equals(
                    ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                            "return document.getElementById('clipboard-text').value")));
        }
        String fromPage = "Ein Text 🙂 aus dem Browser: 東京";
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('clipboard-text').value = arguments[0];"
                        + "document.getElementById('clipboard-send').click();", fromPage);
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!fromPage.equals(xvnc.x().clipboardText()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(fromPage, xvnc.x().clipboardText());
    }
}
