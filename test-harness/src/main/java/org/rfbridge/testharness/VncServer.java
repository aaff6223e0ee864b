// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.io.IOException;

/** A VNC server a test started on loopback; closing it stops the server (and anything it started) by PID. */
public interface VncServer extends AutoCloseable {
    /** The loopback address the server listens on. */
    String HOST = "127.0.0.1";

    /** The RFB port on {@value #HOST}. */
    int rfbPort();

    /** The VNC password, or null when the server asks for none. */
    String password();

    /** {@code 127.0.0.1::PORT}: the form rfbridge's Target parser and CLI take, unambiguous for any port. */
    default String tcpTarget() {
        return HOST + "::" + rfbPort();
    }

    /** What the server has logged so far (for failure messages). */
    String output() throws IOException;

    @Override
    void close();
}
