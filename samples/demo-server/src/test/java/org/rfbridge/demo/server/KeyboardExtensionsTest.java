// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.demo.server.RfbTestClient.ReceivedRect;
import org.rfbridge.rfb.encoding.Encodings;

/** QEMU's extended key events and LED state, and DesktopName, over a real socket. */
@Timeout(20)
class KeyboardExtensionsTest {

    private static final int CAPS_LOCK = 0xFFE5;
    private static final int NUM_LOCK = 0xFF7F;

    private static void awaitLog(ServerFixture fixture, String line) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!fixture.desktop.recentLog().contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(fixture.desktop.recentLog().contains(line), line + " in " + fixture.desktop.recentLog());
    }

    private static List<Integer> encodings(List<ReceivedRect> rects) {
        return rects.stream().map(ReceivedRect::encoding).filter(e -> e < 0).toList();
    }

    @Test
    void extendedKeyEventsAreAnnouncedOnceAndTheirScancodesShown() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = fixture.connectReady()) {
            client.setEncodings(Encodings.RAW, Encodings.QEMU_EXTENDED_KEY_EVENT);
            client.requestFullUpdate(false);
            List<ReceivedRect> first = client.readUpdate();
            assertEquals(new ReceivedRect(0, 0, 0, 0, Encodings.QEMU_EXTENDED_KEY_EVENT, -1, -1), first.get(0));
            assertEquals(0, client.pseudoBody(Encodings.QEMU_EXTENDED_KEY_EVENT).length);
            ExtensionClient ext = new ExtensionClient(client, false);
            ext.qemuKey(true, 'a', 0x1e);
            ext.qemuKey(false, 'a', 0x1e);
            awaitLog(fixture, "client #1 key KeyA scancode 0x1e keysym 0x0061");
            // Keysym 0: the scancode says which key, typed as on a US layout.
            ext.qemuKey(true, 0, 0x30);
            ext.qemuKey(true, 0, 0xC8);
            ext.qemuKey(true, 0, 0x7F);
            awaitLog(fixture, "client #1 key unknown scancode 0x7f keysym 0x0000");
            assertTrue(fixture.desktop.recentLog().contains("client #1 key ArrowUp scancode 0xc8 keysym 0xff52"));
            assertEquals("ab", fixture.desktop.echoText(), "Up and the unknown key type nothing");
            assertEquals(4, fixture.desktop.recentLog().stream().filter(l -> l.contains(" key ")).count(),
                    "key releases are not logged");
            client.requestFullUpdate(true);
            assertTrue(encodings(client.readUpdate()).isEmpty(), "announced once");
        }
    }

    @Test
    void theLedStateGoesToClientsThatAskedAtFirstAndOnEveryChangeFromAnyClient() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient leds = fixture.connectReady();
                RfbTestClient typist = fixture.connectReady();
                RfbTestClient plain = fixture.connectReady()) {
            leds.setEncodings(Encodings.RAW, Encodings.QEMU_LED_STATE);
            typist.setEncodings(Encodings.RAW, Encodings.QEMU_EXTENDED_KEY_EVENT);
            plain.setEncodings(Encodings.RAW);
            for (RfbTestClient c : List.of(leds, typist, plain)) {
                c.requestFullUpdate(false);
                c.readUpdate();
            }
            assertEquals(0, leds.pseudoBody(Encodings.QEMU_LED_STATE)[0], "all locks off at first");
            int[][] presses = {{CAPS_LOCK, 0}, {NUM_LOCK, 0}, {CAPS_LOCK, 0}, {0, 0x46}};
            int[] expected = {4, 6, 2, 3};
            ExtensionClient typistExt = new ExtensionClient(typist, false);
            for (int i = 0; i < presses.length; i++) {
                long before = fixture.desktop.generation();
                if (presses[i][0] != 0) {
                    typist.type(presses[i][0]);
                } else {
                    typistExt.qemuKey(true, 0, presses[i][1]);
                    typistExt.qemuKey(false, 0, presses[i][1]);
                }
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (fixture.desktop.lockKeys() != expected[i] && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertTrue(fixture.desktop.generation() > before);
                leds.requestFullUpdate(true);
                List<ReceivedRect> rects = leds.readUpdate();
                assertEquals(List.of(Encodings.QEMU_LED_STATE), encodings(rects), "press " + i);
                assertEquals(expected[i], leds.pseudoBody(Encodings.QEMU_LED_STATE)[0], "press " + i);
            }
            plain.requestFullUpdate(true);
            assertTrue(encodings(plain.readUpdate()).isEmpty(), "no LED state for a client that did not ask");
            assertEquals("", fixture.desktop.echoText(), "lock keys type nothing");
        }
    }

    @Test
    void aNewDesktopNameReachesClientsThatAnnouncedDesktopName() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient named = fixture.connectReady();
                RfbTestClient plain = fixture.connectReady()) {
            named.setEncodings(Encodings.RAW, Encodings.DESKTOP_NAME);
            plain.setEncodings(Encodings.RAW, Encodings.DESKTOP_SIZE);
            for (RfbTestClient c : List.of(named, plain)) {
                c.requestFullUpdate(false);
                assertTrue(encodings(c.readUpdate()).isEmpty(), "nothing to say about the name at first");
            }
            fixture.desktop.rename("Neuer Name, 東京");
            named.requestFullUpdate(true);
            List<ReceivedRect> rects = named.readUpdate();
            assertEquals(new ReceivedRect(0, 0, 0, 0, Encodings.DESKTOP_NAME, -1, -1), rects.get(0));
            assertEquals("Neuer Name, 東京",
                    new String(named.pseudoBody(Encodings.DESKTOP_NAME), StandardCharsets.UTF_8));
            plain.requestFullUpdate(true);
            assertTrue(encodings(plain.readUpdate()).isEmpty());
            try (RfbTestClient late = fixture.connectReady()) {
                assertEquals("Neuer Name, 東京", late.name(), "ServerInit carries the new name");
            }
        }
    }
}
