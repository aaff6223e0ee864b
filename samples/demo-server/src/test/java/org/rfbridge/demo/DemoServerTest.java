// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test API other modules use: builder defaults, frozen determinism, the drawing methods. */
@Timeout(20)
class DemoServerTest {

    @Test
    void frozenDesktopsLookTheSameWheneverStarted() throws Exception {
        try (DemoServer a = DemoServer.builder().size(640, 480).frozen(true).start()) {
            int[] first = a.snapshotArgb();
            Thread.sleep(1100); // past a clock tick and two heartbeat intervals of an animated desktop
            assertArrayEquals(first, a.snapshotArgb(), "nothing moved on its own");
            try (DemoServer b = DemoServer.builder().size(640, 480).frozen(true).start()) {
                assertArrayEquals(first, b.snapshotArgb(), "same picture from a second server");
            }
        }
    }

    @Test
    void listensOnLoopbackOnAFreePortWithTheDefaults() throws Exception {
        try (DemoServer demo = DemoServer.builder().frozen(true).start()) {
            assertTrue(demo.localAddress().getAddress().isLoopbackAddress());
            assertTrue(demo.port() > 0);
            assertEquals(1024, demo.width());
            assertEquals(768, demo.height());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", demo.port()), 5000);
                byte[] banner = socket.getInputStream().readNBytes(12);
                assertEquals("RFB 003.008\n", new String(banner, java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void drawingMethodsChangeThePixelsAndTheGeneration() throws Exception {
        try (DemoServer demo = DemoServer.builder().size(320, 240).frozen(true).start()) {
            long start = demo.generation();
            demo.fillRect(0, 0, 10, 10, 0xFF00FF);
            assertEquals(0xFFFF00FF, demo.snapshotArgb()[5 * 320 + 5]);
            demo.typeText("hi");
            assertEquals("hi", demo.desktop().echoText());
            demo.log("line");
            assertTrue(demo.desktop().recentLog().contains("line"));
            demo.resize(400, 300);
            assertEquals(400 * 300, demo.snapshotArgb().length);
            assertTrue(demo.generation() > start);
            assertThrows(IllegalArgumentException.class, () -> demo.resize(10, 10));
        }
    }

    @Test
    void awaitQuietReturnsOnceTheDesktopStopsChanging() throws Exception {
        try (DemoServer demo = DemoServer.builder().size(320, 240).frozen(true).start()) {
            demo.typeText("x");
            long settled = demo.awaitQuiet(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(5));
            assertEquals(demo.generation(), settled);
        }
        try (DemoServer animated = DemoServer.builder().size(320, 240).start()) {
            assertThrows(IllegalStateException.class,
                    () -> animated.awaitQuiet(java.time.Duration.ofSeconds(2), java.time.Duration.ofMillis(1500)));
        }
    }

    @Test
    void theDesktopStartsWithItsGreetingOnTheClipboardUnlessToldOtherwise() throws Exception {
        try (DemoServer demo = DemoServer.builder().size(320, 240).frozen(true).start();
                DemoServer quiet = DemoServer.builder().size(320, 240).frozen(true).clipboardGreeting(null).start()) {
            assertEquals(org.rfbridge.demo.desktop.DemoDesktop.GREETING, demo.desktop().clipboardText());
            assertEquals(0, demo.desktop().clipboardOwner(), "the desktop owns it");
            assertEquals(null, quiet.desktop().clipboardText());
            demo.rename("renamed");
            assertEquals("renamed", demo.desktop().name());
        }
    }

    @Test
    void closeIsIdempotent() throws Exception {
        DemoServer demo = DemoServer.builder().size(320, 240).start();
        demo.close();
        demo.close();
        assertEquals(0, demo.sessionCount());
    }
}
