// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testservers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TightVNC 1.3.10's {@code Xtightvnc}, started directly (no {@code vncserver} wrapper, no xstartup) with its own
 * {@code HOME}. It offers TightVNC's security type 16 beside None or VncAuth. Its X server is old: xdotool
 * crashes against it, so observe input with {@link XDisplay#observeEvents}.
 */
public final class TightVncServer implements VncServer {
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private final ManagedProcess process;
    private final int display;
    private final int rfbPort;
    private final String password;

    private TightVncServer(ManagedProcess process, int display, int rfbPort, String password) {
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

    public int display() {
        return display;
    }

    public String displayName() {
        return ":" + display;
    }

    /** X clients on this display (grab and event observation; not {@link XDisplay#input()}). */
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
        process.close();
    }

    /** Settings for {@link TightVncServer}; defaults: 800x600, depth 24, name "rfbridge-tight", no password. */
    public static final class Builder {
        private int width = 800;
        private int height = 600;
        private String desktopName = "rfbridge-tight";
        private String password;

        private Builder() {
        }

        public Builder geometry(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder desktopName(String name) {
            this.desktopName = name;
            return this;
        }

        /** Requires VNC authentication ({@code -rfbauth} with a file from {@code vncpasswd -f}). */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public TightVncServer start(Path workDir) throws Exception {
            String program = SystemPrograms.require("Xtightvnc", "tightvncserver");
            Path home = Files.createDirectories(workDir.resolve("tightvnc-home-" + System.nanoTime()));
            Path passwordFile = password == null ? null : VncPasswordFile.write(password, home.resolve("passwd"));
            return Startup.withRetries("Xtightvnc", () -> {
                int display = FreePorts.display();
                int port = FreePorts.loopbackPort();
                List<String> command = new ArrayList<>(List.of(program, ":" + display, "-rfbport", String.valueOf(port),
                        "-localhost", "-nolisten", "tcp", "-geometry", width + "x" + height, "-depth", "24",
                        "-desktop", desktopName, "-alwaysshared"));
                if (passwordFile != null) {
                    command.addAll(List.of("-rfbauth", passwordFile.toString()));
                }
                ManagedProcess process = ManagedProcess.start(command, workDir.resolve("xtightvnc-" + display + ".log"),
                        Map.of("HOME", home.toString()));
                try {
                    process.awaitPort(port, START_LIMIT);
                    Startup.awaitXSocket(process, display, START_LIMIT);
                    return new TightVncServer(process, display, port, password);
                } catch (Exception | Error e) {
                    process.close();
                    throw e;
                }
            });
        }
    }
}
