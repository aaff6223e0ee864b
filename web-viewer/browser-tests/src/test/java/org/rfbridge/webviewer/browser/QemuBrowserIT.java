// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.webviewer.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.proxy.ProxyConfig;
import org.rfbridge.proxy.ProxyServer;
import org.rfbridge.proxy.target.FixedTargetResolver;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.testharness.QemuVncServer;

/**
 * The page against QEMU: keys typed in Chromium reach the VM with the scancode of the physical key, through QEMU's
 * extended key events (what QEMU's own trace log shows it received).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class QemuBrowserIT {
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @TempDir
    static Path workDir;

    private static QemuVncServer qemu;
    private static ProxyServer proxy;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        qemu = QemuVncServer.builder().start(workDir);
        proxy = ProxyServer.start(ProxyConfig.builder(new FixedTargetResolver(HostAndPort.parse("127.0.0.1:"
                + qemu.rfbPort()))).listen(new InetSocketAddress("127.0.0.1", 0)).build());
        chromium = Chromium.start(1280, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (qemu != null) {
            qemu.close();
        }
    }

    @Test
    void typedKeysGoWithTheScancodesOfTheirPlaces() throws Exception {
        ViewerPage page = new ViewerPage(chromium.driver());
        page.open(proxy.url(), "autoconnect=1&resize=off");
        page.awaitConnected();
        page.click(100, 100);
        // B's key is 0x30 whatever the layout; Up is e0 48, sent as 0xc8.
        long deadline = System.nanoTime() + SETTLE.toNanos();
        List<String> keys = List.of();
        while (System.nanoTime() < deadline) {
            page.type("B" + org.openqa.selenium.Keys.ARROW_UP);
            Thread.sleep(300);
            keys = qemu.traceLines("vnc_key_event_ext");
            if (keys.stream().anyMatch(line -> line.contains("keycode 0xc8"))) {
                break;
            }
        }
        List<String> seen = keys;
        assertTrue(seen.stream().anyMatch(line -> line.contains("down 1") && line.contains("keycode 0x30")),
                "QEMU got B's key by its scancode: " + seen);
        assertTrue(seen.stream().anyMatch(line -> line.contains("down 1") && line.contains("keycode 0xc8")),
                "and Up's, an e0 key, in QEMU's form: " + seen);
    }
}
