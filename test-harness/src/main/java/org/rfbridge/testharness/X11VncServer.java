// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code x11vnc} exporting an X display: its own {@link XvfbDisplay} (started and stopped with it) or one the test
 * passes with {@link Builder#on}. Loopback only, shared, serves until closed. It shows no cursor at all
 * ({@code -nocursor}): otherwise it may paint one into the framebuffer and snapshots would differ from the grab.
 */
public final class X11VncServer extends XDisplayVncServer {
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final XvfbDisplay ownDisplay;

    private X11VncServer(ManagedProcess process, XvfbDisplay ownDisplay, int display, int rfbPort, String password) {
        super(process, display, rfbPort, password);
        this.ownDisplay = ownDisplay;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            if (ownDisplay != null) {
                ownDisplay.close();
            }
        }
    }

    /**
     * Settings for {@link X11VncServer}; defaults: an own Xvfb of 800x600 (the geometry is ignored with
     * {@link #on}), no password. A password goes to x11vnc with {@code -rfbauth} and a file from
     * {@code vncpasswd -f}.
     */
    public static final class Builder extends ServerBuilder<Builder> {
        private XvfbDisplay display;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** Export this display instead of starting an own Xvfb; the caller closes it. */
        public Builder on(XvfbDisplay display) {
            this.display = display;
            return this;
        }

        public X11VncServer start(Path workDir) throws Exception {
            String program = SystemPrograms.require("x11vnc", "x11vnc");
            XvfbDisplay own = display == null ? XvfbDisplay.start(workDir, width, height) : null;
            XvfbDisplay target = own != null ? own : display;
            try {
                Path passwordFile = password == null ? null
                        : VncPasswordFile.write(password, workDir.resolve("x11vnc-" + System.nanoTime() + ".passwd"));
                return Startup.withRetries("x11vnc", () -> {
                    int port = FreePorts.loopbackPort();
                    List<String> command = new ArrayList<>(List.of(program, "-display", target.displayName(),
                            "-rfbport", String.valueOf(port), "-localhost", "-forever", "-shared", "-norc",
                            "-noipv6", "-nocursor"));
                    if (passwordFile == null) {
                        command.add("-nopw");
                    } else {
                        command.addAll(List.of("-rfbauth", passwordFile.toString()));
                    }
                    ManagedProcess process = Startup.launch(command,
                            workDir.resolve("x11vnc-" + target.display() + "-" + port + ".log"), Map.of(),
                            started -> started.awaitPort(port, START_LIMIT));
                    return new X11VncServer(process, own, target.display(), port, password);
                });
            } catch (Exception | Error e) {
                if (own != null) {
                    own.close();
                }
                throw e;
            }
        }
    }
}
