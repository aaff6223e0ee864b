// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.rfb.client.ClientOptions;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.security.SecurityTypes;
import org.rfbridge.testharness.ManagedProcess;
import org.rfbridge.testharness.ShapedLink;
import org.rfbridge.testharness.XvncServer;

/**
 * The encoding choice follows the link: through a {@link ShapedLink} in front of Xvnc, a slow link makes the
 * session ask for JPEG at a low quality, and the same link made fast brings it back to lossless, with the screen
 * then exactly the server's.
 */
@Timeout(120)
class AdaptiveEncodingIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @TempDir
    static Path serverDir;

    private static XvncServer xvnc;
    private static ManagedProcess shown;

    @BeforeAll
    static void startServer() throws Exception {
        xvnc = XvncServer.builder().geometry(640, 480).start(serverDir);
        shown = xvnc.x().show(EncodingsIT.testImage(), serverDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (shown != null) {
            shown.close();
        }
        RealServers.closeAll(xvnc);
    }

    @Test
    void aSlowLinkMovesToJpegAndAFastOneBackToLossless() throws Exception {
        try (ShapedLink link = ShapedLink.start(xvnc.rfbPort(), 2_000_000, 40);
                RfbClient client = RealServers.connect("127.0.0.1::" + link.port(), ClientOptions.builder()
                        .securityTypes(List.of(SecurityTypes.NONE)).autoAcknowledgeUpdates(true)
                        .connectTimeout(RealServers.WAIT).handshakeTimeout(RealServers.WAIT).build())) {
            client.awaitFirstUpdate(RealServers.WAIT);
            awaitQuality(client, q -> q >= 0 && q <= 4, "JPEG at quality 4 or lower on 2 Mbit/s");
            link.setRate(4_000_000_000L);
            link.setRoundTripMillis(0);
            awaitQuality(client, q -> q == EncodingPreferences.LOSSLESS, "lossless on 4 Gbit/s");
            RealServers.awaitSameScreen(client, xvnc.x()::grab, 0, "adaptive-lossless");
        }
    }

    /**
     * Asks for whole-screen updates (what a busy screen sends), each once the last has come, until the session's
     * quality is {@code wanted}. Requests sent faster than updates come would only keep the server reading: Xvnc
     * writes nothing while client messages keep arriving.
     */
    private static void awaitQuality(RfbClient client, IntPredicate wanted, String what) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!wanted.test(client.encodingChoice().quality())) {
            if (System.nanoTime() > deadline) {
                fail(what + ": still at " + client.encodingChoice().describeQuality() + " with the link at "
                        + client.link().describe());
            }
            long updates = client.stats().snapshot().updates();
            client.requestFullUpdate();
            long waitUntil = System.nanoTime() + RealServers.WAIT.toNanos();
            while (client.stats().snapshot().updates() == updates && System.nanoTime() < waitUntil) {
                Thread.sleep(5);
            }
            System.err.println("adaptive: " + client.encodingChoice().describeQuality() + ", " + client.link().describe());
        }
        assertTrue(client.link().samples() > 0);
        assertEquals(true, client.isOpen());
    }
}
