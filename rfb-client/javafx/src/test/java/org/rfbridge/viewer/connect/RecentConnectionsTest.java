// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class RecentConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void newestFirstWithoutDuplicatesAndBounded() throws Exception {
        RecentConnections recent = new RecentConnections(dir.resolve("sub/recent"));
        assertEquals(List.of(), recent.load());
        recent.remember("a:1");
        recent.remember("b:2");
        assertEquals(List.of("a:1", "b:2"), recent.remember("a:1"));
        for (int i = 0; i < 20; i++) {
            recent.remember("host" + i + ":1");
        }
        List<String> loaded = new RecentConnections(dir.resolve("sub/recent")).load();
        assertEquals(RecentConnections.MAX_ENTRIES, loaded.size());
        assertEquals("host19:1", loaded.get(0));
        assertEquals(RecentConnections.MAX_ENTRIES, Files.readAllLines(dir.resolve("sub/recent")).size());
    }

    @Test
    void anUnwritableLocationCostsTheListNotTheCall() throws Exception {
        Path file = dir.resolve("blocker");
        Files.writeString(file, "not a directory");
        RecentConnections recent = new RecentConnections(file.resolve("recent"));
        assertEquals(List.of("x:1"), recent.remember("x:1"));
        assertEquals(List.of(), recent.load());
    }
}
