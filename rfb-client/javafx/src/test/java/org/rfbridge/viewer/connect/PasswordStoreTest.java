// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class PasswordStoreTest {
    @TempDir
    Path dir;

    @Test
    void remembersPerTargetInAnOwnerOnlyFile() throws Exception {
        assumeTrue(PasswordStore.isSupported(), "POSIX permissions");
        Path file = dir.resolve("cfg/passwords");
        PasswordStore store = new PasswordStore(file);
        assertTrue(store.find("h:1").isEmpty());
        assertTrue(store.remember("h:1", "secret".toCharArray()));
        assertTrue(store.remember("h:2", "other".toCharArray()));
        assertArrayEquals("secret".toCharArray(), new PasswordStore(file).find("h:1").orElseThrow());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.readString(file).contains("secret"), "not readable at a glance");
        store.forget("h:1");
        assertTrue(store.find("h:1").isEmpty());
        assertArrayEquals("other".toCharArray(), store.find("h:2").orElseThrow());
    }

    @Test
    void widenedPermissionsAreNarrowedAgain() throws Exception {
        assumeTrue(PasswordStore.isSupported(), "POSIX permissions");
        Path file = dir.resolve("passwords");
        PasswordStore store = new PasswordStore(file);
        store.remember("h:1", "pw".toCharArray());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        store.find("h:1");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void theRecentListNeverSeesPasswords() throws Exception {
        RecentConnections recent = new RecentConnections(dir.resolve("recent"));
        PasswordStore store = new PasswordStore(dir.resolve("passwords"));
        recent.remember("h:1");
        store.remember("h:1", "pw".toCharArray());
        assertEquals("h:1", Files.readString(dir.resolve("recent")).strip());
    }
}
