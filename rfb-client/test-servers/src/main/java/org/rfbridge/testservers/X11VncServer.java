// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testservers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code x11vnc} exporting an X display: its own {@link XvfbDisplay} (started and stopped with it) or one the test
 * passes with {@link Builder#on}. Loopback only, shared, serves until closed. It shows no cursor at all
 * ({@code -nocursor}): otherwise it may paint one into the framebuffer and snapshots would differ from the grab.
 */
public final class X11VncServer implements VncServer {
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final ManagedProcess process;
    private final XvfbDisplay ownDisplay;
    private final int display;
    private final int rfbPort;
    private final String password;

    private X11VncServer(ManagedProcess process, XvfbDisplay ownDisplay, int display, int rfbPort, String password) {
        this.process = process;
        this.ownDisplay = ownDisplay;
        this.display = display;
        this.rfbPort = rfbPort;
        this.password = password;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int rfbPort() {
        return rfbPort;
    }

    /** The display x11vnc exports. */
    public int display() {
        return display;
    }

    public XDisplay x() {
        return new XDisplay(display);
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String output() throws IOException {
        return process.output();
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            if (ownDisplay != null) {
                ownDisplay.close();
            }
        }
    }

    /** Settings for {@link X11VncServer}; defaults: an own Xvfb of 800x600, no password. */
    public static final class Builder {
        private int width = 800;
        private int height = 600;
        private XvfbDisplay display;
        private String password;

        private Builder() {
        }

        /** Size of the Xvfb started for it (ignored with {@link #on}). */
        public Builder geometry(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /** Export this display instead of starting an own Xvfb; the caller closes it. */
        public Builder on(XvfbDisplay display) {
            this.display = display;
            return this;
        }

        /** Requires VNC authentication ({@code -rfbauth} with a file from {@code vncpasswd -f}). */
        public Builder password(String password) {
            this.password = password;
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
                    ManagedProcess process = ManagedProcess.start(command,
                            workDir.resolve("x11vnc-" + target.display() + "-" + port + ".log"));
                    try {
                        process.awaitPort(port, START_LIMIT);
                        return new X11VncServer(process, own, target.display(), port, password);
                    } catch (Exception | Error e) {
                        process.close();
                        throw e;
                    }
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
