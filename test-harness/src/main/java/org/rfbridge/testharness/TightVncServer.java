// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TightVNC 1.3.10's {@code Xtightvnc}, started directly (no {@code vncserver} wrapper, no xstartup) with its own
 * {@code HOME}. It offers TightVNC's security type 16 beside None or VncAuth. Its X server is old: xdotool
 * crashes against it, so observe input with {@link XDisplay#observeEvents}, not {@link XDisplay#input()}.
 */
public final class TightVncServer extends XDisplayVncServer {
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private TightVncServer(ManagedProcess process, int display, int rfbPort, String password) {
        super(process, display, rfbPort, password);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Settings for {@link TightVncServer}; defaults: 800x600, depth 24, name "rfbridge-tight", no password. A
     * password goes to Xtightvnc with {@code -rfbauth} and a file from {@code vncpasswd -f}.
     */
    public static final class Builder extends ServerBuilder<Builder> {
        private String desktopName = "rfbridge-tight";

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder desktopName(String name) {
            this.desktopName = name;
            return this;
        }

        public TightVncServer start(Path workDir) throws Exception {
            String program = SystemPrograms.require("Xtightvnc", "tightvncserver");
            Path home = Files.createDirectories(workDir.resolve("tightvnc-home-" + System.nanoTime()));
            Path passwordFile = password == null ? null : VncPasswordFile.write(password, home.resolve("passwd"));
            List<String> settings = new ArrayList<>(List.of("-geometry", width + "x" + height, "-depth", "24",
                    "-desktop", desktopName, "-alwaysshared"));
            if (passwordFile != null) {
                settings.addAll(List.of("-rfbauth", passwordFile.toString()));
            }
            String password = this.password;
            return Startup.startVncXServer("Xtightvnc", program, settings, Map.of("HOME", home.toString()), workDir,
                    START_LIMIT, (process, display, port) -> new TightVncServer(process, display, port, password));
        }
    }
}
