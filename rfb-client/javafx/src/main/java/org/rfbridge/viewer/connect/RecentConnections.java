// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The targets connected to lately, newest first, one per line in a text file. Never holds passwords. A file
 * that cannot be read or written costs the list, not the connection: failures are logged.
 */
public final class RecentConnections {
    /** How many targets are kept. */
    public static final int MAX_ENTRIES = 10;
    private static final int MAX_LINE_LENGTH = 2048;
    private static final Logger LOG = LoggerFactory.getLogger(RecentConnections.class);

    private final Path file;

    public RecentConnections(Path file) {
        this.file = file;
    }

    /** The list in the user's configuration directory. */
    public static RecentConnections inConfigDirectory() {
        return new RecentConnections(ConfigDirectory.resolve().resolve("recent-connections"));
    }

    /** The remembered targets, newest first; empty when there is no file or it cannot be read. */
    public List<String> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String entry = line.strip();
                if (!entry.isEmpty() && entry.length() <= MAX_LINE_LENGTH && !entries.contains(entry)) {
                    entries.add(entry);
                }
                if (entries.size() == MAX_ENTRIES) {
                    break;
                }
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            LOG.warn("cannot read recent connections from {}: {}", file, e.toString());
            return List.of();
        }
    }

    /** Puts {@code target} first (once), keeps {@link #MAX_ENTRIES}, saves, and returns the new list. */
    public List<String> remember(String target) {
        List<String> entries = new ArrayList<>(load());
        String entry = target.strip();
        entries.remove(entry);
        entries.add(0, entry);
        while (entries.size() > MAX_ENTRIES) {
            entries.remove(entries.size() - 1);
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "recent", ".tmp");
            Files.write(temp, entries, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot save recent connections to {}: {}", file, e.toString());
        }
        return List.copyOf(entries);
    }
}
