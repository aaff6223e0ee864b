// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rfbridge.demo.it.ClientChecks.awaitEqual;
import static org.rfbridge.demo.it.ClientChecks.following;
import static org.rfbridge.demo.it.ClientChecks.throughFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rfbridge.demo.DemoServer;
import org.rfbridge.demo.desktop.DemoDesktop;
import org.rfbridge.demo.desktop.DesktopLayout;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.demo.server.RfbVersion;
import org.rfbridge.rfb.RfbAuthenticationException;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.client.RfbClientListener;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.protocol.PointerButtons;
import org.rfbridge.rfb.protocol.ProtocolVersion;
import org.rfbridge.rfb.security.SecurityTypes;

/**
 * The RFB core library's client against the demo server over TCP: every version and security type, every
 * pixel format, typed keys, drawing, the CopyRect scroll and resizing — each checked as "the client's
 * pixels equal the desktop's own pixels (converted to the client's format)".
 */
@Timeout(60)
class DemoServerClientIT {

    private static final int INK = 0x1F4FBF;

    private static DemoServer shared;

    @BeforeAll
    static void startShared() throws Exception {
        shared = DemoServer.builder().size(640, 480).frozen(true).start();
    }

    @AfterAll
    static void stopShared() {
        if (shared != null) {
            shared.close();
        }
    }

    private static String target(DemoServer demo) {
        return "127.0.0.1::" + demo.port();
    }

    static Stream<Arguments> versionsAndSecurity() {
        List<Arguments> all = new ArrayList<>();
        for (RfbVersion version : RfbVersion.values()) {
            all.add(Arguments.of(version, false));
            all.add(Arguments.of(version, true));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "RFB {0}, VNC auth {1}")
    @MethodSource("versionsAndSecurity")
    void handshakesAndShowsTheDesktop(RfbVersion version, boolean vncAuth) throws Exception {
        try (DemoServer demo = DemoServer.builder().size(320, 240).rfbVersion(version)
                .password(vncAuth ? "s3cret!" : null).frozen(true).start();
                RfbClient client = RfbClient.connect(target(demo),
                        (vncAuth ? following().password("s3cret!") : following()).build(),
                        new RfbClientListener() { })) {
            var info = client.awaitConnected(ClientChecks.WAIT);
            assertEquals(new ProtocolVersion(3, Integer.parseInt(version.label().substring(2))), info.version());
            assertEquals(vncAuth ? SecurityTypes.VNC_AUTH : SecurityTypes.NONE, info.securityType());
            assertEquals(DemoServer.DESKTOP_NAME, info.name());
            assertEquals(320, info.width());
            awaitEqual(client, demo::snapshotArgb, "RFB " + version.label());
        }
    }

    @ParameterizedTest(name = "RFB {0}")
    @MethodSource("versions")
    void aWrongPasswordIsAnAuthenticationError(RfbVersion version) throws Exception {
        try (DemoServer demo = DemoServer.builder().size(320, 240).rfbVersion(version).password("right")
                .frozen(true).start()) {
            assertThrows(RfbAuthenticationException.class, () -> RfbClient.connect(target(demo),
                    following().password("wrong").build(), new RfbClientListener() { }).close());
        }
    }

    static Stream<RfbVersion> versions() {
        return Stream.of(RfbVersion.values());
    }

    static Stream<Arguments> pixelFormats() {
        return Stream.of(
                Arguments.of("32 bpp little-endian RGB", PixelFormat.RGB888),
                Arguments.of("32 bpp big-endian RGB", PixelFormat.trueColour(32, 24, true, 255, 255, 255, 16, 8, 0)),
                Arguments.of("32 bpp little-endian BGR", PixelFormat.trueColour(32, 24, false, 255, 255, 255, 0, 8, 16)),
                Arguments.of("32 bpp big-endian, channels high",
                        PixelFormat.trueColour(32, 24, true, 255, 255, 255, 24, 16, 8)),
                Arguments.of("16 bpp 565 little-endian", PixelFormat.RGB565),
                Arguments.of("16 bpp 565 big-endian", PixelFormat.trueColour(16, 16, true, 31, 63, 31, 11, 5, 0)),
                Arguments.of("16 bpp 555 big-endian", PixelFormat.trueColour(16, 15, true, 31, 31, 31, 10, 5, 0)),
                Arguments.of("8 bpp BGR233", PixelFormat.BGR233),
                Arguments.of("8 bpp RGB332", PixelFormat.trueColour(8, 8, false, 7, 7, 3, 5, 2, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pixelFormats")
    void everyPixelFormatGivesTheDesktopsPixelsConverted(String label, PixelFormat format) throws Exception {
        try (RfbClient client = RfbClient.connect(target(shared), following().pixelFormat(format).build(),
                new RfbClientListener() { })) {
            Framebuffer fb = awaitEqual(client, () -> throughFormat(format, shared.snapshotArgb()), label);
            // The colour bars are pure colours: exact in every format.
            DesktopLayout layout = shared.desktop().layout();
            for (int i = 0; i < DesktopLayout.BAR_COLOURS.length; i++) {
                Rect bar = layout.colourBars().get(i);
                assertEquals(0xFF000000 | DesktopLayout.BAR_COLOURS[i], fb.getPixel(bar.x() + 1, bar.y() + 1), label);
            }
        }
    }

    @Test
    void typedKeysEchoOnTheDesktop() throws Exception {
        try (RfbClient client = RfbClient.connect(target(shared), following().build(), new RfbClientListener() { })) {
            client.awaitFirstUpdate(ClientChecks.WAIT);
            client.typeText("Hello, demo!");
            awaitTrue(() -> shared.desktop().echoText().endsWith("Hello, demo!"), "the echo panel shows the keys");
            awaitEqual(client, shared::snapshotArgb, "after typing");
        }
    }

    @Test
    void theMouseDrawsOnTheDrawingArea() throws Exception {
        try (RfbClient client = RfbClient.connect(target(shared), following().build(), new RfbClientListener() { })) {
            client.awaitFirstUpdate(ClientChecks.WAIT);
            Rect surface = shared.desktop().layout().contentOf(shared.desktop().layout().drawPanel());
            int y = surface.y() + surface.height() / 2;
            int x0 = surface.x() + 10;
            int x1 = surface.right() - 10;
            client.sendPointer(x0, y, 0);
            client.sendPointer(x0, y, PointerButtons.LEFT);
            client.sendPointer(x1, y, PointerButtons.LEFT);
            client.sendPointer(x1, y, 0);
            int middle = (x0 + x1) / 2;
            awaitTrue(() -> shared.snapshotArgb()[y * shared.width() + middle] == (0xFF000000 | INK),
                    "the stroke reached the desktop");
            Framebuffer fb = awaitEqual(client, shared::snapshotArgb, "after drawing");
            assertEquals(0xFF000000 | INK, fb.getPixel(middle, y));
        }
    }

    @Test
    void theLogScrollsWithCopyRect() throws Exception {
        AtomicInteger copies = new AtomicInteger();
        try (RfbClient client = RfbClient.connect(target(shared),
                following().decoders(ClientChecks.countingCopyRect(copies)).build(), new RfbClientListener() { })) {
            client.awaitFirstUpdate(ClientChecks.WAIT);
            for (int i = 0; i < 5; i++) {
                shared.log("scroll line " + i);
                Thread.sleep(30);
            }
            awaitEqual(client, shared::snapshotArgb, "after scrolling");
            assertTrue(copies.get() > 0, "the scroll arrived as CopyRect");
        }
    }

    @Test
    void aResizeReachesTheClientThroughDesktopSize() throws Exception {
        try (DemoServer demo = DemoServer.builder().size(640, 480).frozen(true).start();
                RfbClient client = RfbClient.connect(target(demo), following().build(), new RfbClientListener() { })) {
            client.awaitFirstUpdate(ClientChecks.WAIT);
            demo.resize(800, 600);
            Framebuffer fb = awaitEqual(client, demo::snapshotArgb, "after resize()");
            assertEquals(800, fb.width());
            // F2 steps through start size -> 640x480 -> 1280x720; from a size off that cycle it starts over.
            client.typeKey(DemoDesktop.RESIZE_KEYSYM);
            awaitTrue(() -> demo.width() == 640, "F2 from 800x600 goes back to the start size");
            client.typeKey(DemoDesktop.RESIZE_KEYSYM);
            awaitTrue(() -> demo.width() == 1280, "F2 again goes to 1280x720");
            fb = awaitEqual(client, demo::snapshotArgb, "after F2");
            assertEquals(1280, fb.width());
            assertEquals(720, fb.height());
        }
    }

    @Test
    void severalClientsAtOnceAllSeeTheSameDesktop() throws Exception {
        List<RfbClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                clients.add(RfbClient.connect(target(shared), following().build(), new RfbClientListener() { }));
            }
            clients.get(2).typeText("xyz");
            awaitTrue(() -> shared.desktop().echoText().endsWith("xyz"), "typed by the third client");
            for (RfbClient client : clients) {
                awaitEqual(client, shared::snapshotArgb, "every client");
            }
        } finally {
            clients.forEach(RfbClient::close);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + ClientChecks.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + ClientChecks.WAIT + ": " + what);
            }
            Thread.sleep(10);
        }
    }
}
