// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.webviewer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rfbridge.proxy.ProxyConfig;
import org.rfbridge.proxy.ProxyServer;
import org.rfbridge.proxy.target.FixedTargetResolver;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.testharness.ArgbImage;
import org.rfbridge.testharness.ManagedProcess;
import org.rfbridge.testharness.TestImages;
import org.rfbridge.testharness.XvncServer;

/**
 * The web viewer's decoders in real Chromium against Xvnc showing a photo-like picture with text-like strokes
 * ({@link TestImages#photoAndText()}): each lossless encoding asked for by the page's URL (noVNC's parameter
 * names) pixel-exact to the server's own screen, Tight's JPEG (decoded by the browser) within a mean error, and
 * the status naming what is in use.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EncodingsBrowserIT {
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final double JPEG_MEAN_ERROR = 6.0;

    @TempDir
    static Path workDir;

    private static XvncServer xvnc;
    private static ManagedProcess shown;
    private static ProxyServer proxy;
    private static Chromium chromium;
    private static ViewerPage page;

    @BeforeAll
    static void start() throws Exception {
        xvnc = XvncServer.builder().geometry(640, 480).desktopName("rfbridge-encodings-it").start(workDir);
        shown = xvnc.x().show(TestImages.photoAndText(), workDir);
        proxy = ProxyServer.start(ProxyConfig.builder(new FixedTargetResolver(HostAndPort.parse("127.0.0.1:"
                        + xvnc.rfbPort()))).listen(new InetSocketAddress("127.0.0.1", 0)).build());
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
        if (shown != null) {
            shown.close();
        }
        if (xvnc != null) {
            xvnc.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tight:7", "zrle:16", "hextile:5", "zlib:6", "rre:2"})
    void eachLosslessEncodingIsPixelExact(String encodingAndNumber) throws Exception {
        String encoding = encodingAndNumber.split(":")[0];
        long number = Long.parseLong(encodingAndNumber.split(":")[1]);
        page.open(proxy.url(), "autoconnect=1&scale=none&quality=lossless&encoding=" + encoding);
        page.awaitConnected();
        page.moveTo(639, 479);
        assertEquals(number, ((Number) page.script("return rfbridge.viewer.client.encodingChoice.encodings[0];"))
                .longValue(), "the page asks first for what its URL says");
        page.awaitCanvasEquals(() -> xvnc.x().grab(), SETTLE, "encoding-" + encoding);
    }

    @org.junit.jupiter.api.Test
    void tightJpegIsDecodedByTheBrowserCloseToTheScreen() throws Exception {
        page.open(proxy.url(), "autoconnect=1&scale=none&encoding=tight&quality=3");
        page.awaitConnected();
        page.moveTo(639, 479);
        ArgbImage truth = xvnc.x().grab();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        double error = Double.NaN;
        while (System.nanoTime() < deadline) {
            ArgbImage canvas = page.canvas();
            if (canvas != null && canvas.width() == truth.width() && canvas.height() == truth.height()) {
                error = truth.meanChannelError(canvas);
                if (error <= JPEG_MEAN_ERROR) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        assertTrue(error <= JPEG_MEAN_ERROR, "mean channel error " + error);
        page.awaitStatus(s -> s.contains("Tight (JPEG quality 3)"), "Tight at JPEG quality 3", SETTLE);
    }

}
