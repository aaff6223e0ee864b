// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rfbridge.demo.it.ClientChecks.awaitEqual;
import static org.rfbridge.demo.it.ClientChecks.following;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.demo.DemoServer;
import org.rfbridge.demo.desktop.DemoDesktop;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.client.RfbClientListener;
import org.rfbridge.rfb.pixel.Framebuffer;

/**
 * The RFB core library's client against the demo server with every session extension both have: continuous
 * updates, remote resize, the UTF-8 clipboard both ways, scancodes, LED state and the desktop name — each as
 * the client's listener and the desktop see it.
 */
@Timeout(60)
class ExtensionsClientIT {

    /** Records what the client's listener heard. */
    private static final class Heard implements RfbClientListener {
        final List<String> clipboards = new CopyOnWriteArrayList<>();
        final List<Integer> leds = new CopyOnWriteArrayList<>();
        final List<String> names = new CopyOnWriteArrayList<>();
        final List<String> refusals = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicLong updates = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void onFramebufferUpdate(Framebuffer fb, List<org.rfbridge.rfb.pixel.Rect> dirty) {
            updates.incrementAndGet();
        }

        @Override
        public void onClipboard(String text) {
            clipboards.add(text);
        }

        @Override
        public void onLedState(int state) {
            leds.add(state);
        }

        @Override
        public void onDesktopName(String name) {
            names.add(name);
        }

        @Override
        public void onDesktopResizeRefused(String reason) {
            refusals.add(reason);
        }
    }

    private static String target(DemoServer demo) {
        return "127.0.0.1::" + demo.port();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + ClientChecks.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void continuousUpdatesFollowTheDesktopWithoutRequests() throws Exception {
        Heard heard = new Heard();
        try (DemoServer demo = DemoServer.builder().size(640, 480).frozen(true).start();
                RfbClient client = RfbClient.connect(target(demo), following().build(), heard)) {
            client.awaitFirstUpdate(ClientChecks.WAIT);
            awaitTrue(client::continuousUpdates, "continuous mode");
            awaitEqual(client, demo::snapshotArgb, "in continuous mode");
            long requests = client.updateRequestsSent();
            long updates = heard.updates.get();
            for (int i = 0; i < 20; i++) {
                demo.log("continuous line " + i);
                demo.typeText("c");
                Thread.sleep(20);
            }
            awaitEqual(client, demo::snapshotArgb, "after the log scrolled");
            long received = heard.updates.get() - updates;
            long asked = client.updateRequestsSent() - requests;
            // The client may still ask for one refresh of its own (a switch of encodings), not one per update.
            assertTrue(received >= 10 && asked <= 1, received + " updates for " + asked + " requests");
        }
    }

    @Test
    void theClientResizesTheDesktopAndARefusalIsExplained() throws Exception {
        try (DemoServer demo = DemoServer.builder().size(640, 480).frozen(true).start();
                RfbClient client = RfbClient.connect(target(demo), following().build(), new Heard())) {
            client.awaitFirstUpdate(ClientChecks.WAIT);
            awaitTrue(client::serverTakesDesktopSize, "the server to take SetDesktopSize");
            client.requestDesktopSize(800, 600);
            awaitTrue(() -> demo.width() == 800 && demo.height() == 600, "the desktop to resize");
            Framebuffer fb = awaitEqual(client, demo::snapshotArgb, "at 800x600");
            assertEquals(800, fb.width());
        }
        Heard heard = new Heard();
        try (DemoServer fixed = DemoServer.builder().size(640, 480).frozen(true).remoteResize(false).start();
                RfbClient client = RfbClient.connect(target(fixed), following().build(), heard)) {
            client.awaitFirstUpdate(ClientChecks.WAIT);
            awaitTrue(client::serverTakesDesktopSize, "the server to take SetDesktopSize");
            client.requestDesktopSize(800, 600);
            awaitTrue(() -> !heard.refusals.isEmpty(), "the refusal");
            assertEquals(List.of("the server does not allow resizing the desktop"), heard.refusals);
            assertEquals(640, fixed.width());
        }
    }

    @Test
    void theClipboardCarriesUtf8BothWaysAndTheGreetingArrivesAtConnect() throws Exception {
        Heard first = new Heard();
        Heard second = new Heard();
        try (DemoServer demo = DemoServer.builder().size(640, 480).frozen(true).start();
                RfbClient a = RfbClient.connect(target(demo), following().build(), first);
                RfbClient b = RfbClient.connect(target(demo), following().build(), second)) {
            awaitTrue(() -> first.clipboards.contains(DemoDesktop.GREETING), "the greeting");
            a.sendClipboard("Grüße, 東京, 🙂\nzwei");
            awaitTrue(() -> "Grüße, 東京, 🙂\nzwei".equals(demo.desktop().clipboardText()),
                    "the desktop to get it");
            awaitTrue(() -> second.clipboards.contains("Grüße, 東京, 🙂\nzwei"), "the other client to get it");
            assertTrue(b.isOpen());
        }
    }

    @Test
    void scancodesLedStateAndTheDesktopNameReachTheirSide() throws Exception {
        Heard heard = new Heard();
        try (DemoServer demo = DemoServer.builder().size(640, 480).frozen(true).start();
                RfbClient client = RfbClient.connect(target(demo), following().build(), heard)) {
            client.awaitFirstUpdate(ClientChecks.WAIT);
            awaitTrue(client::extendedKeyEvents, "the server to take extended key events");
            client.sendKey('a', true, 0x1e);
            client.sendKey('a', false, 0x1e);
            awaitTrue(() -> demo.desktop().recentLog().stream().anyMatch(l -> l.contains("key KeyA scancode 0x1e")),
                    "the scancode in the log");
            assertEquals("a", demo.desktop().echoText());
            awaitTrue(() -> heard.leds.contains(0), "the first LED state");
            client.sendKey(0xFFE5, true, 0x3a);
            client.sendKey(0xFFE5, false, 0x3a);
            awaitTrue(() -> heard.leds.contains(4), "Caps Lock on");
            demo.rename("renamed demo, 東京");
            awaitTrue(() -> heard.names.contains("renamed demo, 東京"), "the new name");
        }
    }
}
