// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TigerVNC's {@code Xvnc} on a free display and a free loopback port ({@code -localhost}, no X over TCP), with
 * security type None, VncAuth, or both. Build with {@link #builder()}; {@link #close()} stops it by PID.
 */
public final class XvncServer extends XDisplayVncServer {
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private XvncServer(ManagedProcess process, int display, int rfbPort, String password) {
        super(process, display, rfbPort, password);
    }

    public static Builder builder() {
        return new Builder();
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

    /**
     * Settings for {@link XvncServer}; defaults: 800x600, depth 24, name "rfbridge-test", security None. A password
     * goes to Xvnc as a file from {@code tigervncpasswd -f}.
     */
    public static final class Builder extends ServerBuilder<Builder> {
        private int depth = 24;
        private String desktopName = "rfbridge-test";
        private boolean alsoNone;
        private final List<String> extraArgs = new ArrayList<>();

        private Builder() {
        }

        @Override
        Builder self() {
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
            List<String> settings = new ArrayList<>(List.of("-geometry", width + "x" + height, "-depth",
                    String.valueOf(depth), "-desktop", desktopName));
            if (passwordFile == null) {
                settings.addAll(List.of("-SecurityTypes", "None"));
            } else {
                settings.addAll(List.of("-SecurityTypes", alsoNone ? "VncAuth,None" : "VncAuth", "-PasswordFile",
                        passwordFile.toString()));
            }
            settings.addAll(extraArgs);
            String password = this.password;
            return Startup.startVncXServer("Xvnc", xvnc, settings, Map.of(), workDir, START_LIMIT,
                    (process, display, port) -> new XvncServer(process, display, port, password));
        }
    }
}
