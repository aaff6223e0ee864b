// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testservers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * TigerVNC's {@code Xvnc} on a free display and a free loopback port ({@code -localhost}, no X over TCP), with
 * security type None, VncAuth, or both. Build with {@link #builder()}; {@link #close()} stops it by PID.
 */
public final class XvncServer implements VncServer {
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private final ManagedProcess process;
    private final int display;
    private final int rfbPort;
    private final String password;

    private XvncServer(ManagedProcess process, int display, int rfbPort, String password) {
        this.process = process;
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

    /** The display number N of {@code :N}. */
    public int display() {
        return display;
    }

    /** {@code ":N"}. */
    public String displayName() {
        return ":" + display;
    }

    /** X clients on this server's display: grab, root painting, input. */
    public XDisplay x() {
        return new XDisplay(display);
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

    /**
     * Changes the screen size with {@code xrandr --fb} (Xvnc then sends connected viewers a DesktopSize update) and
     * waits until the X server reports the new size.
     */
    public void resize(int width, int height) throws Exception {
        XDisplay x = x();
        x.runClient(List.of(SystemPrograms.require("xrandr", "x11-xserver-utils"), "-display", displayName(), "--fb",
                width + "x" + height));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            int[] size = x.size();
            if (size[0] == width && size[1] == height) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the screen of " + displayName() + " is " + size[0] + "x" + size[1]
                        + ", not " + width + "x" + height + " after xrandr");
            }
            Thread.sleep(20);
        }
    }

    /** Makes Xvnc disconnect its viewers ({@code vncconfig -disconnect}), which also logs its statistics. */
    public void disconnectClients() {
        x().runClient(List.of(SystemPrograms.require("vncconfig", "tigervnc-tools"), "-display", displayName(),
                "-disconnect"));
    }

    @Override
    public void close() {
        process.close();
    }

    /** Settings for {@link XvncServer}; defaults: 800x600, depth 24, name "rfbridge-test", security None. */
    public static final class Builder {
        private int width = 800;
        private int height = 600;
        private int depth = 24;
        private String desktopName = "rfbridge-test";
        private String password;
        private boolean alsoNone;
        private final List<String> extraArgs = new ArrayList<>();

        private Builder() {
        }

        public Builder geometry(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /** Colour depth of the X screen: 16 or 24 (default 24). */
        public Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        public Builder desktopName(String name) {
            this.desktopName = name;
            return this;
        }

        /** Requires VNC authentication with {@code password} (a file from {@code tigervncpasswd -f}). */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** With a password: offer None as well as VncAuth, so one server serves both handshakes. */
        public Builder alsoNone() {
            this.alsoNone = true;
            return this;
        }

        /** Further Xvnc parameters, e.g. {@code -FrameRate 30}. */
        public Builder extraArgs(String... args) {
            extraArgs.addAll(List.of(args));
            return this;
        }

        /** Starts Xvnc and waits until its RFB port accepts; logs go to {@code workDir}. */
        public XvncServer start(Path workDir) throws Exception {
            String xvnc = SystemPrograms.require("Xvnc", "tigervnc-standalone-server");
            Path passwordFile = password == null ? null
                    : VncPasswordFile.write(password, workDir.resolve("xvnc-" + System.nanoTime() + ".passwd"));
            return Startup.withRetries("Xvnc", () -> {
                int display = FreePorts.display();
                int port = FreePorts.loopbackPort();
                List<String> command = new ArrayList<>(List.of(xvnc, ":" + display, "-rfbport", String.valueOf(port),
                        "-localhost", "-nolisten", "tcp", "-geometry", width + "x" + height, "-depth",
                        String.valueOf(depth), "-desktop", desktopName));
                if (passwordFile == null) {
                    command.addAll(List.of("-SecurityTypes", "None"));
                } else {
                    command.addAll(List.of("-SecurityTypes", alsoNone ? "VncAuth,None" : "VncAuth", "-PasswordFile",
                            passwordFile.toString()));
                }
                command.addAll(extraArgs);
                ManagedProcess process = ManagedProcess.start(command, workDir.resolve("xvnc-" + display + ".log"));
                try {
                    process.awaitPort(port, START_LIMIT);
                    Startup.awaitXSocket(process, display, START_LIMIT);
                    return new XvncServer(process, display, port, password);
                } catch (Exception | Error e) {
                    process.close();
                    throw e;
                }
            });
        }
    }
}
