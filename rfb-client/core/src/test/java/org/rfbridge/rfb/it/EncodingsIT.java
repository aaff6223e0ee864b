// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rfbridge.rfb.client.ClientOptions;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.security.SecurityTypes;
import org.rfbridge.testharness.ArgbImage;
import org.rfbridge.testharness.ManagedProcess;
import org.rfbridge.testharness.QemuVncServer;
import org.rfbridge.testharness.TestImages;
import org.rfbridge.testharness.TightVncServer;
import org.rfbridge.testharness.VncServer;
import org.rfbridge.testharness.X11VncServer;
import org.rfbridge.testharness.XDisplay;
import org.rfbridge.testharness.XvfbDisplay;
import org.rfbridge.testharness.XvncServer;

/**
 * Every encoding each real server sends, asked for alone: lossless ones pixel-exact to the server's own screen
 * (an X grab, QEMU's screendump), Tight's JPEG within a stated error. The X desktops show {@link #testImage()}, so
 * that every subencoding a server has gets used.
 */
@Timeout(300)
class EncodingsIT {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    /** Tight JPEG at quality level 5 against the grab: the mean difference of a channel, of 255. */
    private static final double JPEG_MEAN_ERROR = 6.0;

    @TempDir
    static Path serverDir;

    private static XvncServer xvnc;
    private static TightVncServer tightvnc;
    private static XvfbDisplay xvfb;
    private static X11VncServer x11vnc;
    private static QemuVncServer qemu;
    private static final List<ManagedProcess> SHOWN = new java.util.ArrayList<>();

    enum Server { XVNC, XTIGHTVNC, X11VNC, QEMU }

    @BeforeAll
    static void startServers() throws Exception {
        xvnc = XvncServer.builder().geometry(WIDTH, HEIGHT).start(serverDir);
        tightvnc = TightVncServer.builder().geometry(WIDTH, HEIGHT).start(serverDir);
        xvfb = XvfbDisplay.start(serverDir, WIDTH, HEIGHT);
        x11vnc = X11VncServer.builder().on(xvfb).start(serverDir);
        qemu = QemuVncServer.builder().start(serverDir);
        ArgbImage image = testImage();
        for (XDisplay x : List.of(xvnc.x(), tightvnc.x(), xvfb.x())) {
            SHOWN.add(x.show(image, serverDir));
        }
        qemu.awaitStableScreen(java.time.Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopServers() throws Exception {
        SHOWN.forEach(ManagedProcess::close);
        RealServers.closeAll(xvnc, tightvnc, x11vnc, xvfb, qemu);
    }

    /** The picture the X desktops show: {@link TestImages#photoAndText()}. */
    static ArgbImage testImage() {
        return TestImages.photoAndText();
    }

    static Stream<Arguments> lossless() {
        return Stream.of(
                arguments(Server.XVNC, "Hextile"), arguments(Server.XVNC, "RRE"), arguments(Server.XVNC, "ZRLE"),
                arguments(Server.XVNC, "Tight"),
                arguments(Server.XTIGHTVNC, "Hextile"), arguments(Server.XTIGHTVNC, "Zlib"),
                arguments(Server.XTIGHTVNC, "Tight"),
                arguments(Server.X11VNC, "ZRLE"), arguments(Server.X11VNC, "Tight"),
                arguments(Server.QEMU, "Tight"), arguments(Server.QEMU, "TightPNG"), arguments(Server.QEMU, "ZRLE"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lossless")
    void eachLosslessEncodingAloneIsPixelExact(Server server, String encodingName) throws Exception {
        int encoding = Encodings.pixelEncoding(encodingName);
        EncodingPreferences alone = EncodingPreferences.auto().only(encoding).withQuality(EncodingPreferences.LOSSLESS);
        try (RfbClient client = RealServers.connect(target(server).tcpTarget(), options(alone))) {
            RealServers.awaitSameScreen(client, reference(server), allowedPixels(server), server + "-" + encodingName);
            // Raw needs no announcing, and Xvnc's RRE falls back to it where subrectangles would cost more.
            List<String> used = client.stats().snapshot().byEncoding().keySet().stream()
                    .filter(e -> Encodings.isPixelEncoding(e) && e != Encodings.RAW).map(Encodings::name).toList();
            assertEquals(List.of(encodingName), used, "the pixel encodings besides Raw the server sent");
        }
    }

    static Stream<Arguments> jpeg() {
        return Stream.of(arguments(Server.XVNC), arguments(Server.XTIGHTVNC), arguments(Server.X11VNC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jpeg")
    void tightJpegIsCloseToTheScreenAndSmallerThanLossless(Server server) throws Exception {
        long lossyBytes;
        EncodingPreferences jpeg = EncodingPreferences.auto().only(Encodings.TIGHT).withQuality(5);
        try (RfbClient client = RealServers.connect(target(server).tcpTarget(), options(jpeg))) {
            ArgbImage shown = RealServers.image(client.awaitFirstUpdate(RealServers.WAIT));
            ArgbImage grab = reference(server).call();
            assertEquals(grab.width() + "x" + grab.height(), shown.width() + "x" + shown.height());
            double error = grab.meanChannelError(shown);
            assertTrue(error <= JPEG_MEAN_ERROR, server + ": mean channel error " + error);
            lossyBytes = client.stats().snapshot().bytesReceived();
        }
        EncodingPreferences lossless = EncodingPreferences.auto().only(Encodings.TIGHT)
                .withQuality(EncodingPreferences.LOSSLESS);
        try (RfbClient client = RealServers.connect(target(server).tcpTarget(), options(lossless))) {
            client.awaitFirstUpdate(RealServers.WAIT);
            long losslessBytes = client.stats().snapshot().bytesReceived();
            assertTrue(lossyBytes * 2 < losslessBytes, server + ": JPEG took " + lossyBytes + " bytes, lossless "
                    + losslessBytes + ": no JPEG was used");
        }
    }

    private static ClientOptions options(EncodingPreferences preferences) {
        return ClientOptions.builder().securityTypes(List.of(SecurityTypes.NONE)).autoAcknowledgeUpdates(true)
                .connectTimeout(RealServers.WAIT).handshakeTimeout(RealServers.WAIT)
                .encodingPreferences(preferences).build();
    }

    private static VncServer target(Server server) {
        return switch (server) {
            case XVNC -> xvnc;
            case XTIGHTVNC -> tightvnc;
            case X11VNC -> x11vnc;
            case QEMU -> qemu;
        };
    }

    private static Callable<ArgbImage> reference(Server server) {
        return switch (server) {
            case XVNC -> xvnc.x()::grab;
            case XTIGHTVNC -> tightvnc.x()::grab;
            case X11VNC -> xvfb.x()::grab;
            case QEMU -> qemu::screendump;
        };
    }

    private static int allowedPixels(Server server) {
        return server == Server.QEMU ? QemuVncServer.CURSOR_TOLERANCE_PIXELS : 0;
    }

}
