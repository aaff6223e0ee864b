// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.io.IOException;

/**
 * A VNC server process that shows an X display (its own, like Xvnc's, or one it exports, like x11vnc's). The
 * launchers extend it so that each states only how its program starts and what else it offers.
 */
abstract class XDisplayVncServer implements VncServer, HasXDisplay {
    private final ManagedProcess process;
    private final int display;
    private final int rfbPort;
    private final String password;

    XDisplayVncServer(ManagedProcess process, int display, int rfbPort, String password) {
        this.process = process;
        this.display = display;
        this.rfbPort = rfbPort;
        this.password = password;
    }

    @Override
    public int rfbPort() {
        return rfbPort;
    }

    /** The display the server shows. */
    @Override
    public int display() {
        return display;
    }

    @Override
    public String password() {
        return password;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public String output() throws IOException {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
