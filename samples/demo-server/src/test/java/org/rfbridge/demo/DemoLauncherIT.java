// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rfbridge.demo.it.ClientChecks.WAIT;
import static org.rfbridge.demo.it.ClientChecks.awaitEqual;
import static org.rfbridge.demo.it.ClientChecks.following;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.client.RfbClientListener;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.testharness.FreePorts;
import picocli.CommandLine;

/**
 * The launcher in-process: the demo desktop behind the proxy. The snapshot a client takes over WebSocket
 * through the proxy equals the one over TCP straight from the desktop, and both equal the desktop's pixels.
 */
@Timeout(60)
class DemoLauncherIT {

    private static DemoLauncher.Running running;

    @BeforeAll
    static void start() throws Exception {
        DemoLauncher launcher = new DemoLauncher();
        new CommandLine(launcher).parseArgs("--listen", "127.0.0.1:" + FreePorts.loopbackPort(), "--size", "800x600", "--frozen");
        running = DemoLauncher.start(launcher.proxyOptions, launcher.desktopOptions);
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    private static String webSocketUrl() {
        return "ws://127.0.0.1:" + running.proxy().localAddress().getPort() + "/websockify";
    }

    @Test
    void theSnapshotOverWebSocketEqualsTheOneOverTcp() throws Exception {
        DemoServer desktop = running.desktop();
        try (RfbClient tcp = RfbClient.connect("127.0.0.1::" + desktop.port(), following().build(),
                new RfbClientListener() { });
                RfbClient ws = RfbClient.connect(webSocketUrl(), following().build(), new RfbClientListener() { })) {
            // Both connected: the desktop settles (connect lines logged, client count shown), then both follow.
            Framebuffer overTcp = awaitEqual(tcp, desktop::snapshotArgb, "over TCP");
            Framebuffer overWs = awaitEqual(ws, desktop::snapshotArgb, "over WebSocket");
            if (!java.util.Arrays.equals(overTcp.pixels(), overWs.pixels())) {
                // The desktop moved between the two copies (a late log line); take both again, now settled.
                overTcp = awaitEqual(tcp, desktop::snapshotArgb, "over TCP, again");
                overWs = awaitEqual(ws, desktop::snapshotArgb, "over WebSocket, again");
            }
            assertEquals(800, overWs.width());
            assertEquals(600, overWs.height());
            assertArrayEquals(overTcp.pixels(), overWs.pixels(), "WebSocket snapshot equals the TCP snapshot");
        }
    }

    @Test
    void inputThroughTheProxyReachesTheDesktop() throws Exception {
        DemoServer desktop = running.desktop();
        try (RfbClient ws = RfbClient.connect(webSocketUrl(), following().build(), new RfbClientListener() { })) {
            ws.awaitFirstUpdate(WAIT);
            ws.typeText("via proxy");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!desktop.desktop().echoText().endsWith("via proxy") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(desktop.desktop().echoText().endsWith("via proxy"), desktop.desktop().echoText());
            awaitEqual(ws, desktop::snapshotArgb, "after typing through the proxy");
        }
    }

    @Test
    void theProxyServesThePageAtRoot() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + running.proxy().localAddress().getPort() + "/")).timeout(WAIT)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().toLowerCase(java.util.Locale.ROOT).contains("<html"), page.body());
    }
}
