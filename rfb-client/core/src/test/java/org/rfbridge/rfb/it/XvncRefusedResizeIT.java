// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.client.RfbClientListener;
import org.rfbridge.rfb.security.SecurityTypes;
import org.rfbridge.testharness.XvncServer;

/** An Xvnc told not to take SetDesktopSize refuses it in words the viewer shows, and its screen stays as it was. */
@Timeout(60)
class XvncRefusedResizeIT {
    @TempDir
    static Path serverDir;

    private static XvncServer xvnc;

    @BeforeAll
    static void startServer() throws Exception {
        xvnc = XvncServer.builder().geometry(400, 300).extraArgs("-AcceptSetDesktopSize=0").start(serverDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        RealServers.closeAll(xvnc);
    }

    @Test
    void aRefusedSizeIsExplainedAndChangesNothing() throws Exception {
        BlockingQueue<String> refusals = new LinkedBlockingQueue<>();
        try (RfbClient client = RfbClient.connect(xvnc.tcpTarget(), RealServers.options(SecurityTypes.NONE, null),
                new RfbClientListener() {
                    @Override
                    public void onDesktopResizeRefused(String reason) {
                        refusals.add(reason);
                    }
                })) {
            client.awaitFirstUpdate(RealServers.WAIT);
            assertTrue(client.serverTakesDesktopSize(), "Xvnc still sends ExtendedDesktopSize");
            client.requestDesktopSize(640, 480);
            assertEquals("the server does not allow resizing the desktop",
                    refusals.poll(RealServers.WAIT.toMillis(), TimeUnit.MILLISECONDS));
            assertArrayEquals(new int[] {400, 300}, xvnc.x().randrSize());
            assertEquals(400, client.snapshot(RealServers.WAIT).width());
        }
    }
}
