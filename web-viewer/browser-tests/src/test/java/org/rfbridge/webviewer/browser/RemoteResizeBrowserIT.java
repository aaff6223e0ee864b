// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.webviewer.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.rfbridge.proxy.ProxyConfig;
import org.rfbridge.proxy.ProxyServer;
import org.rfbridge.proxy.target.FixedTargetResolver;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.testharness.ArgbImage;
import org.rfbridge.testharness.XvncServer;

/**
 * The page's remote resize and its HiDPI drawing, in headless Chromium against TigerVNC's Xvnc: {@code resize=remote}
 * makes the X screen (as RandR reports it) the page's area in device pixels, and at devicePixelRatio 2 a 1:1 view
 * puts one remote pixel on each device pixel, exactly.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RemoteResizeBrowserIT {
    private static final Duration SETTLE = Duration.ofSeconds(15);

    @TempDir
    static Path workDir;

    private static XvncServer xvnc;
    private static ProxyServer proxy;

    @BeforeAll
    static void start() throws Exception {
        xvnc = XvncServer.builder().geometry(800, 600).desktopName("rfbridge-resize-it").start(workDir);
        proxy = ProxyServer.start(ProxyConfig.builder(new FixedTargetResolver(HostAndPort.parse("127.0.0.1:"
                + xvnc.rfbPort()))).listen(new InetSocketAddress("127.0.0.1", 0)).build());
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (xvnc != null) {
            xvnc.close();
        }
    }

    @Test
    void theXScreenBecomesThePagesAreaAndFollowsTheWindow() throws Exception {
        try (Chromium chromium = Chromium.start(1100, 800)) {
            ViewerPage page = new ViewerPage(chromium.driver());
            page.open(proxy.url(), "autoconnect=1&resize=remote");
            assertEquals("connected to rfbridge-resize-it", page.awaitConnected());
            xvnc.x().setRootPattern(0xff8000, 0x0040c0);
            int[] first = awaitScreenIsTheArea(page);
            page.awaitCanvasEquals(() -> xvnc.x().grab(), SETTLE, "remote-resize-first");
            // A drag: several sizes within the debounce time; the server is asked for the last one only.
            for (int width : new int[] {1000, 950, 900}) {
                chromium.driver().manage().window().setSize(new Dimension(width, 700));
            }
            int[] dragged = awaitScreenIsTheArea(page);
            assertTrue(dragged[0] < first[0], Arrays.toString(dragged) + " after " + Arrays.toString(first));
            page.awaitCanvasEquals(() -> xvnc.x().grab(), SETTLE, "remote-resize-dragged");
        }
    }

    @Test
    void atDevicePixelRatioTwoAOneToOneViewIsPixelExactOnTheDevice() throws Exception {
        try (Chromium chromium = Chromium.start(1100, 800, "--force-device-scale-factor=2")) {
            ViewerPage page = new ViewerPage(chromium.driver());
            page.open(proxy.url(), "autoconnect=1&resize=off");
            assertEquals("connected to rfbridge-resize-it", page.awaitConnected());
            assertEquals(2.0, ((Number) page.script("return window.devicePixelRatio")).doubleValue());
            xvnc.x().setRootPattern(0x20c040, 0x402010);
            ArgbImage screen = xvnc.x().grab();
            page.awaitCanvasEquals(() -> xvnc.x().grab(), SETTLE, "dpr2-canvas");
            @SuppressWarnings("unchecked")
            List<Number> rect = (List<Number>) page.script("""
                    const r = rfbridge.viewer.canvas.getBoundingClientRect();
                    return [r.left, r.top, r.width, r.height];""");
            assertEquals(List.of(screen.width() / 2.0, screen.height() / 2.0),
                    List.of(rect.get(2).doubleValue(), rect.get(3).doubleValue()), "CSS size: half the framebuffer");
            var shot = ImageIO.read(new ByteArrayInputStream(chromium.driver().getScreenshotAs(OutputType.BYTES)));
            int left = (int) Math.round(rect.get(0).doubleValue() * 2);
            int top = (int) Math.round(rect.get(1).doubleValue() * 2);
            int[] shown = shot.getRGB(left, top, screen.width(), screen.height(), null, 0, screen.width());
            ArgbImage onDevice = ArgbImage.of(screen.width(), screen.height(), shown);
            assertEquals(null, xvnc.x().grab().describeDifference(onDevice, 0),
                    "the screenshot, in device pixels, is the server's screen");
        }
    }

    /** Waits until RandR reports the page's screen area in device pixels, and returns that size. */
    private static int[] awaitScreenIsTheArea(ViewerPage page) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        int[] area = null;
        int[] randr = null;
        while (System.nanoTime() < deadline) {
            @SuppressWarnings("unchecked")
            List<Number> size = (List<Number>) page.script("""
                    const r = document.getElementById('screen').getBoundingClientRect();
                    return [Math.floor(r.width * devicePixelRatio), Math.floor(r.height * devicePixelRatio)];""");
            area = new int[] {size.get(0).intValue(), size.get(1).intValue()};
            randr = xvnc.x().randrSize();
            if (Arrays.equals(area, randr)) {
                return area;
            }
            Thread.sleep(100);
        }
        assertArrayEquals(area, randr, "the X screen never became the page's area");
        return area;
    }
}
