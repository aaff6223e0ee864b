// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
