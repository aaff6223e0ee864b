// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Writes a VNC password file the way users make one ({@code tigervncpasswd -f}, else {@code vncpasswd -f}), so
 * the servers read the format their own tools write rather than one we produced.
 */
public final class VncPasswordFile {
    private VncPasswordFile() {
    }

    /** Writes {@code password} obfuscated into {@code file} (mode 600) and returns the file. */
    public static Path write(String password, Path file) throws IOException {
        String tool = SystemPrograms.find("tigervncpasswd");
        if (tool == null) {
            tool = SystemPrograms.require("vncpasswd", "tigervnc-tools");
        }
        byte[] obfuscated = Commands.run(List.of(tool, "-f"), Map.of(),
                (password + "\n").getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10)).stdout();
        if (obfuscated.length != 8) {
            throw new IllegalStateException(tool + " -f wrote " + obfuscated.length + " bytes, expected 8");
        }
        Files.write(file, obfuscated);
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
        file.toFile().setWritable(false, false);
        file.toFile().setWritable(true, true);
        return file;
    }
}
