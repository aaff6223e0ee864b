// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.testharness.X11VncServer;
import org.rfbridge.testharness.XvfbDisplay;

/** x11vnc exporting one Xvfb display twice: once without a password, once with. */
class X11VncIT extends XServerContract {
    @TempDir
    static Path serverDir;

    private static XvfbDisplay xvfb;
    private static X11VncServer open;
    private static X11VncServer locked;

    @BeforeAll
    static void startServers() throws Exception {
        xvfb = XvfbDisplay.start(serverDir, 640, 480);
        open = X11VncServer.builder().on(xvfb).start(serverDir);
        locked = X11VncServer.builder().on(xvfb).password("x11-pw").start(serverDir);
    }

    @AfterAll
    static void stopServers() throws Exception {
        RealServers.closeAll(open, locked, xvfb);
    }

    @Override
    ServersUnderTest servers() {
        // x11vnc names the desktop after the host and display, e.g. "myhost:47".
        return new ServersUnderTest(open, locked, xvfb.x(), ":" + xvfb.display());
    }

    @Override
    String expectedFailureReason() {
        return "password check failed";
    }
}
