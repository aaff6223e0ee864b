// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rfbridge.rfb.it.RealServers.PATTERN_BACKGROUND;
import static org.rfbridge.rfb.it.RealServers.PATTERN_FOREGROUND;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.rfb.client.ClientOptions;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.security.SecurityTypes;
import org.rfbridge.testharness.ArgbImage;
import org.rfbridge.testharness.XDisplay;
import org.rfbridge.testharness.XvncServer;

/** TigerVNC's Xvnc, one server offering both VncAuth and None. */
class XvncIT extends XServerContract {
    private static final String NAME = "rfbridge-xvnc-it";

    @TempDir
    static Path serverDir;

    private static XvncServer xvnc;

    @BeforeAll
    static void startServer() throws Exception {
        xvnc = XvncServer.builder().geometry(640, 480).desktopName(NAME).password("xvnc-pw").alsoNone()
                .start(serverDir);
    }

    @AfterAll
    static void stopServers() throws Exception {
        RealServers.closeAll(xvnc);
    }

    @Override
    ServersUnderTest servers() {
        return new ServersUnderTest(xvnc, xvnc, xvnc.x(), NAME);
    }

    @Override
    String expectedFailureReason() {
        return "Authentication failure";
    }

    @Test
    void aResizedDesktopArrivesAsANewFramebufferEqualToTheGrab() throws Exception {
        XDisplay x = xvnc.x();
        x.setRootPattern(PATTERN_FOREGROUND, PATTERN_BACKGROUND);
        try (RfbClient client = RealServers.connect(xvnc.tcpTarget(), RealServers.options(SecurityTypes.NONE, null))) {
            RealServers.awaitSameScreen(client, x::grab, 0, "xvnc-before-resize");
            xvnc.resize(800, 600);
            ArgbImage after = RealServers.awaitSameScreen(client, x::grab, 0, "xvnc-after-resize");
            assertEquals(800, after.width());
            assertEquals(600, after.height());
        } finally {
            xvnc.resize(640, 480);
        }
    }

    @Test
    void theServersNativePixelFormatGivesTheSamePixels() throws Exception {
        XDisplay x = xvnc.x();
        x.setRootPattern(PATTERN_FOREGROUND, PATTERN_BACKGROUND);
        try (RfbClient client = RealServers.connect(xvnc.tcpTarget(), ClientOptions.builder()
                .securityTypes(List.of(SecurityTypes.NONE)).autoAcknowledgeUpdates(true)
                .keepServerPixelFormat(true).build())) {
            Framebuffer first = client.awaitFirstUpdate(RealServers.WAIT);
            assertEquals(null, x.grab().describeDifference(RealServers.image(first), 0));
        }
    }

    @Test
    void aSixteenBitServerInItsNativeFormatMatchesItsGrab() throws Exception {
        try (XvncServer deep16 = XvncServer.builder().geometry(320, 200).depth(16).start(serverDir)) {
            deep16.x().setRootPattern(PATTERN_FOREGROUND, PATTERN_BACKGROUND);
            try (RfbClient client = RealServers.connect(deep16.tcpTarget(), ClientOptions.builder()
                    .securityTypes(List.of(SecurityTypes.NONE)).keepServerPixelFormat(true).build())) {
                assertEquals(16, client.awaitConnected(RealServers.WAIT).pixelFormat().bitsPerPixel());
                ArgbImage snapshot = RealServers.image(client.awaitFirstUpdate(RealServers.WAIT));
                // Expanding 5 and 6 bits to 8 is a convention (xwd scales, a client may replicate bits): allow 4.
                assertEquals(null, deep16.x().grab().describeDifference(snapshot, 4));
            }
        }
    }

    @Test
    void askingForRgb565GivesTheScreenToWithinItsPrecision() throws Exception {
        XDisplay x = xvnc.x();
        x.setRootPattern(PATTERN_FOREGROUND, PATTERN_BACKGROUND);
        try (RfbClient client = RealServers.connect(xvnc.tcpTarget(), ClientOptions.builder()
                .securityTypes(List.of(SecurityTypes.NONE)).pixelFormat(PixelFormat.RGB565).build())) {
            assertEquals(PixelFormat.RGB565, client.awaitConnected(RealServers.WAIT).pixelFormat());
            ArgbImage snapshot = RealServers.image(client.awaitFirstUpdate(RealServers.WAIT));
            assertEquals(null, x.grab().describeDifference(snapshot, 8));
        }
    }

    /**
     * Announcing ZRLE and no Raw makes Xvnc send ZRLE (a rectangle in anything else would end the session as an
     * unsupported encoding): the pixels equal the grab, before and after a change, in the 32-bit format (three-
     * byte compressed pixels) and in RGB565 (two-byte ones).
     */
    @Test
    void zrleGivesTheServersScreenInThirtyTwoAndSixteenBits() throws Exception {
        XDisplay x = xvnc.x();
        DecoderRegistry zrleOnly = DecoderRegistry.standard().only(List.of(Encodings.ZRLE, Encodings.DESKTOP_SIZE,
                Encodings.LAST_RECT));
        x.setRootPattern(PATTERN_FOREGROUND, PATTERN_BACKGROUND);
        try (RfbClient client = RealServers.connect(xvnc.tcpTarget(), ClientOptions.builder()
                .securityTypes(List.of(SecurityTypes.NONE)).autoAcknowledgeUpdates(true).decoders(zrleOnly).build())) {
            RealServers.awaitSameScreen(client, x::grab, 0, "xvnc-zrle-first");
            x.setRootPattern(PATTERN_BACKGROUND, PATTERN_FOREGROUND);
            RealServers.awaitSameScreen(client, x::grab, 0, "xvnc-zrle-changed");
        }
        try (RfbClient client = RealServers.connect(xvnc.tcpTarget(), ClientOptions.builder()
                .securityTypes(List.of(SecurityTypes.NONE)).decoders(zrleOnly).pixelFormat(PixelFormat.RGB565)
                .build())) {
            ArgbImage snapshot = RealServers.image(client.awaitFirstUpdate(RealServers.WAIT));
            assertEquals(null, x.grab().describeDifference(snapshot, 8));
        }
    }

    /**
     * Xvnc offers continuous updates and fences (a Fence and an EndOfContinuousUpdates after SetEncodings): the
     * session turns them on, and from then on every change arrives without a single further request.
     */
    @Test
    void continuousUpdatesAreNegotiatedAndCarryEveryChangeUnasked() throws Exception {
        XDisplay x = xvnc.x();
        x.setRootPattern(PATTERN_FOREGROUND, PATTERN_BACKGROUND);
        try (RfbClient client = RealServers.connect(xvnc.tcpTarget(), RealServers.options(SecurityTypes.NONE, null))) {
            RealServers.awaitSameScreen(client, x::grab, 0, "xvnc-continuous-first");
            long deadline = System.nanoTime() + RealServers.WAIT.toNanos();
            while (!client.continuousUpdates() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(client.continuousUpdates(), "continuous updates are on");
            long requests = client.updateRequestsSent();
            for (int change = 0; change < 3; change++) {
                boolean inverted = change % 2 == 0;
                x.setRootPattern(inverted ? PATTERN_BACKGROUND : PATTERN_FOREGROUND,
                        inverted ? PATTERN_FOREGROUND : PATTERN_BACKGROUND);
                RealServers.awaitSameScreen(client, x::grab, 0, "xvnc-continuous-" + change);
            }
            assertEquals(requests, client.updateRequestsSent(), "no FramebufferUpdateRequest after they were on");
        }
    }

    /**
     * Asking for a size resizes the X screen itself (RandR reports it), and the framebuffer follows, larger and
     * smaller. (Xvnc takes any size up to 16384x16384 with the one-screen layouts a client sends, so refusals are
     * exercised against the demo server and by the vectors.)
     */
    @Test
    void theXScreenTakesTheSizeTheClientAsksFor() throws Exception {
        XDisplay x = xvnc.x();
        x.setRootPattern(PATTERN_FOREGROUND, PATTERN_BACKGROUND);
        java.util.concurrent.BlockingQueue<String> refusals = new java.util.concurrent.LinkedBlockingQueue<>();
        try (RfbClient client = RfbClient.connect(xvnc.tcpTarget(), RealServers.options(SecurityTypes.NONE, null),
                new org.rfbridge.rfb.client.RfbClientListener() {
                    @Override
                    public void onDesktopResizeRefused(String reason) {
                        refusals.add(reason);
                    }
                })) {
            RealServers.awaitSameScreen(client, x::grab, 0, "xvnc-set-size-before");
            assertTrue(client.serverTakesDesktopSize(), "Xvnc announced SetDesktopSize in its first update");
            client.requestDesktopSize(1000, 700);
            ArgbImage after = RealServers.awaitSameScreen(client, x::grab, 0, "xvnc-set-size-after");
            assertEquals(1000, after.width());
            assertEquals(700, after.height());
            assertArrayEquals(new int[] {1000, 700}, x.randrSize());
            client.requestDesktopSize(800, 600);
            ArgbImage smaller = RealServers.awaitSameScreen(client, x::grab, 0, "xvnc-set-size-smaller");
            assertEquals(800, smaller.width());
            assertArrayEquals(new int[] {800, 600}, x.randrSize());
            assertEquals(List.of(), List.copyOf(refusals), "nothing refused");
            // The other tests expect 640x480; xrandr --fb cannot shrink the screen below the output Xvnc now has.
            client.requestDesktopSize(640, 480);
            RealServers.awaitSameScreen(client, x::grab, 0, "xvnc-set-size-restored");
            assertArrayEquals(new int[] {640, 480}, x.randrSize());
        }
    }
}
