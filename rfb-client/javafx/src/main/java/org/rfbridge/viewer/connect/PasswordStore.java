// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VNC passwords the user asked to remember, one per target, in a file of their own (not the recent list) that
 * only the owner may read or write. The values are Base64, which hides them from a glance over the shoulder,
 * not from anyone who can read the file: the protection is the file's permissions, and the store is written
 * only after the user agreed. On file systems without POSIX permissions nothing is stored.
 *
 * <p>Thread-safe (methods are synchronized): the session thread reads, the UI thread writes.
 */
public final class PasswordStore {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordStore.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int MAX_ENTRIES = 100;

    private final Path file;

    public PasswordStore(Path file) {
        this.file = file;
    }

    public static PasswordStore inConfigDirectory() {
        return new PasswordStore(ConfigDirectory.resolve().resolve("passwords"));
    }

    /** Whether this system can keep the file owner-only (POSIX permissions). */
    public static boolean isSupported() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** The password remembered for {@code target}, if any. */
    public synchronized Optional<char[]> find(String target) {
        String encoded = readAll().get(target);
        if (encoded == null) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8).toCharArray());
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring a damaged password entry in {}", file);
            return Optional.empty();
        }
    }

    /** Remembers {@code password} for {@code target}; returns false when it could not be stored safely. */
    public synchronized boolean remember(String target, char[] password) {
        if (!isSupported() || target.contains("\t") || target.contains("\n")) {
            return false;
        }
        Map<String, String> entries = readAll();
        entries.remove(target);
        if (entries.size() >= MAX_ENTRIES) {
            entries.remove(entries.keySet().iterator().next());
        }
        entries.put(target, Base64.getEncoder().encodeToString(new String(password).getBytes(StandardCharsets.UTF_8)));
        return writeAll(entries);
    }

    /** Forgets the password of {@code target} (for example after the server rejected it). */
    public synchronized void forget(String target) {
        Map<String, String> entries = readAll();
        if (entries.remove(target) != null) {
            writeAll(entries);
        }
    }

    private Map<String, String> readAll() {
        Map<String, String> entries = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            if (isSupported() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                // Someone widened the permissions: fix them rather than keep a readable secret around.
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    entries.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read remembered passwords from {}: {}", file, e.toString());
        }
        return entries;
    }

    private boolean writeAll(Map<String, String> entries) {
        List<String> lines = new ArrayList<>();
        entries.forEach((target, encoded) -> lines.add(target + "\t" + encoded));
        try {
            Files.createDirectories(file.getParent());
            // Created owner-only before any secret is written to it, then moved into place.
            Path temp = Files.createTempFile(file.getParent(), "passwords", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("cannot save remembered passwords to {}: {}", file, e.toString());
            return false;
        }
    }
}
