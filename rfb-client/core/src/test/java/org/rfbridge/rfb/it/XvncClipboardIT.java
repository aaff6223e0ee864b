// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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
import org.rfbridge.testharness.ManagedProcess;
import org.rfbridge.testharness.XDisplay;
import org.rfbridge.testharness.XvncServer;

/**
 * UTF-8 text both ways between our client and an X client's CLIPBOARD on Xvnc's display, through the extended
 * clipboard (Xvnc 1.12 has it and its own selection handling): what Latin-1 cut text would turn into '?'.
 */
@Timeout(90)
class XvncClipboardIT {
    private static final String FROM_X = "Grüße, 東京, 🙂\nzweite Zeile";
    private static final String FROM_VIEWER = "Ein Text 🙂 aus dem Viewer: 東京 — Grüße";

    @TempDir
    static Path serverDir;

    private static XvncServer xvnc;

    @BeforeAll
    static void startServer() throws Exception {
        xvnc = XvncServer.builder().geometry(320, 240).start(serverDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        RealServers.closeAll(xvnc);
    }

    @Test
    void utf8TextGoesBothWaysBetweenTheViewerAndAnXClient() throws Exception {
        XDisplay x = xvnc.x();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        BlockingQueue<String> dropped = new LinkedBlockingQueue<>();
        try (RfbClient client = RfbClient.connect(xvnc.tcpTarget(), RealServers.options(SecurityTypes.NONE, null),
                new RfbClientListener() {
                    @Override
                    public void onClipboard(String text) {
                        received.add(text);
                    }

                    @Override
                    public void onClipboardDropped(String message) {
                        dropped.add(message);
                    }
                })) {
            client.awaitFirstUpdate(RealServers.WAIT);
            try (ManagedProcess owner = x.ownClipboard(FROM_X, serverDir)) {
                String text = received.poll(RealServers.WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertEquals(FROM_X, text, "the X client's clipboard reached the viewer intact");
            }
            client.sendClipboard(FROM_VIEWER);
            long deadline = System.nanoTime() + RealServers.WAIT.toNanos();
            String onX = x.clipboardText();
            while (!FROM_VIEWER.equals(onX) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                onX = x.clipboardText();
            }
            assertEquals(FROM_VIEWER, onX, "the viewer's clipboard reached the X display intact");
            assertEquals(List.of(), List.copyOf(dropped), "nothing dropped");
            assertTrue(client.isOpen());
        }
    }
}
