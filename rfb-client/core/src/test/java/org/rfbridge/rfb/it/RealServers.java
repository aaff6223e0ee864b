// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.rfbridge.proxy.ProxyConfig;
import org.rfbridge.proxy.ProxyServer;
import org.rfbridge.proxy.target.FixedTargetResolver;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.rfb.RfbAuthenticationException;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.client.ClientOptions;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.client.RfbClientListener;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.protocol.SessionInfo;
import org.rfbridge.testharness.ArgbImage;
import org.rfbridge.testharness.VncServer;

/** What every real-server test does: connect with a given security type, compare screens, expect auth errors. */
final class RealServers {
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Colours of the root pattern painted before snapshots: orange on blue, so swapped channels show. */
    static final int PATTERN_FOREGROUND = 0xFF8000;
    static final int PATTERN_BACKGROUND = 0x0040C0;

    private RealServers() {
    }

    /** Options that accept only {@code securityType}, with the password if given, acknowledging updates. */
    static ClientOptions options(int securityType, String password) {
        ClientOptions.Builder builder = ClientOptions.builder()
                .securityTypes(List.of(securityType))
                .autoAcknowledgeUpdates(true)
                .connectTimeout(WAIT)
                .handshakeTimeout(WAIT);
        if (password != null) {
            builder.password(password);
        }
        return builder.build();
    }

    /** rfbridge's proxy, in this JVM on a free loopback port, relaying every WebSocket session to {@code server}. */
    static ProxyServer proxyTo(VncServer server) throws IOException {
        return ProxyServer.start(ProxyConfig.builder(new FixedTargetResolver(HostAndPort.parse(
                        VncServer.HOST + ":" + server.rfbPort())))
                .listen(new InetSocketAddress(VncServer.HOST, 0)).build());
    }

    /**
     * Stops what a test class started, in the order given, skipping nulls (what never started); all are stopped even
     * if one fails, and the first failure is thrown.
     */
    static void closeAll(AutoCloseable... started) throws Exception {
        Exception first = null;
        for (AutoCloseable each : started) {
            if (each == null) {
                continue;
            }
            try {
                each.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    static RfbClient connect(String target, ClientOptions options) throws Exception {
        return RfbClient.connect(target, options, new RfbClientListener() { });
    }

    /** Connects with {@code securityType}, checks the handshake used it, and returns what it established. */
    static SessionInfo handshake(VncServer server, int securityType, String password) throws Exception {
        try (RfbClient client = connect(server.tcpTarget(), options(securityType, password))) {
            SessionInfo info = client.awaitConnected(WAIT);
            assertEquals(securityType, info.securityType(), "security type used with " + server.tcpTarget());
            return info;
        }
    }

    /** A wrong password ends in an authentication error (not a protocol error), returned for more checks. */
    static RfbAuthenticationException wrongPassword(VncServer server, int securityType) {
        RfbAuthenticationException e = assertThrows(RfbAuthenticationException.class,
                () -> connect(server.tcpTarget(), options(securityType, "wrong-pw")).close());
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "an authentication error says why");
        return e;
    }

    static ArgbImage image(Framebuffer fb) {
        return ArgbImage.of(fb.width(), fb.height(), fb.pixels());
    }

    /**
     * Polls the client's framebuffer until it equals the server's own view within {@code maxDifferentPixels}
     * (servers that poll the screen, like x11vnc, show a change a little later); on failure saves both images under
     * target/it-screens for a look and fails with where they differ.
     */
    static ArgbImage awaitSameScreen(RfbClient client, Callable<ArgbImage> reference, int maxDifferentPixels,
            String label) throws Exception {
        client.awaitFirstUpdate(WAIT);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ArgbImage expected = reference.call();
            ArgbImage actual = image(client.snapshot(WAIT));
            String why = expected.describeDifference(actual, 0);
            boolean sameSize = expected.width() == actual.width() && expected.height() == actual.height();
            if (why == null || (sameSize && expected.countDifferentPixels(actual) <= maxDifferentPixels)) {
                return actual;
            }
            if (System.nanoTime() > deadline) {
                save(label, expected, actual);
                fail(label + ": the snapshot differs from the server's own screen: " + why);
            }
            Thread.sleep(100);
        }
    }

    private static void save(String label, ArgbImage expected, ArgbImage actual) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "it-screens"));
        String name = label.replaceAll("[^A-Za-z0-9_-]", "_");
        expected.writePng(dir.resolve(name + "-server.png"));
        actual.writePng(dir.resolve(name + "-client.png"));
        System.err.println(label + ": images saved in " + dir.toAbsolutePath());
    }

    /**
     * Keysyms xev names, without the modifiers a server may press on its own to produce a character (Xvnc uses
     * Shift or Caps_Lock for an upper-case letter, whichever its keymap offers).
     */
    static List<String> withoutModifiers(List<String> keys) {
        return keys.stream().filter(k -> !k.startsWith("Shift_") && !k.startsWith("ISO_Level")
                && !k.equals("Caps_Lock")).toList();
    }

    static void assertDescribed(RfbException e, String expectedPart) {
        assertTrue(e.getMessage().contains(expectedPart), "'" + e.getMessage() + "' should contain '" + expectedPart + "'");
    }
}
