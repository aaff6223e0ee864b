// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class TokenFileResolverTest {

    @TempDir
    Path dir;

    @Test
    void readsWebsockifyFormatWithCommentsAndBlankLines() throws IOException {
        Path file = dir.resolve("tokens.cfg");
        Files.writeString(file, """
                # lab machines
                alpha: 127.0.0.1:5901

                beta:   vnc-host:5902
                broken line without colon
                gamma: not-a-port:x
                  delta : [::1]:5903
                """);
        try (TokenFileResolver resolver = new TokenFileResolver(file, Duration.ofSeconds(60))) {
            assertEquals(Optional.of(new HostAndPort("127.0.0.1", 5901)), resolver.resolve("alpha"));
            assertEquals(Optional.of(new HostAndPort("vnc-host", 5902)), resolver.resolve("beta"));
            assertEquals(Optional.of(new HostAndPort("::1", 5903)), resolver.resolve("delta"));
            assertEquals(Optional.empty(), resolver.resolve("gamma"));
            assertEquals(Optional.empty(), resolver.resolve("unknown"));
            assertEquals(Optional.empty(), resolver.resolve(null));
            assertEquals(3, resolver.size());
        }
    }

    @Test
    void picksUpChangesToTheFile() throws Exception {
        Path file = dir.resolve("tokens.cfg");
        Files.writeString(file, "one: 127.0.0.1:5901\n");
        try (TokenFileResolver resolver = new TokenFileResolver(file, Duration.ofMillis(20))) {
            assertTrue(resolver.resolve("two").isEmpty());
            Files.writeString(file, "one: 127.0.0.1:5901\ntwo: 127.0.0.1:5902\n");
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (resolver.resolve("two").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(Optional.of(new HostAndPort("127.0.0.1", 5902)), resolver.resolve("two"));
        }
    }

    @Test
    void readsEveryFileOfADirectory() throws IOException {
        Files.writeString(dir.resolve("a"), "one: 127.0.0.1:5901\n");
        Files.writeString(dir.resolve("b"), "two: 127.0.0.1:5902\n");
        try (TokenFileResolver resolver = new TokenFileResolver(dir, Duration.ofSeconds(60))) {
            assertEquals(2, resolver.size());
        }
    }

    @Test
    void aMissingFileFailsAtStart() {
        assertThrows(IOException.class, () -> new TokenFileResolver(dir.resolve("absent"), Duration.ofSeconds(1)));
    }

    @Test
    void aLineThatIsNotUtf8IsSkippedAloneAndARemovedTokenStopsWorking() throws Exception {
        Path file = dir.resolve("tokens.cfg");
        Files.writeString(file, "old: 127.0.0.1:5901\nkeep: 127.0.0.1:5902\n");
        try (TokenFileResolver resolver = new TokenFileResolver(file, Duration.ofMillis(20))) {
            byte[] latin1 = "caf\u00e9: 127.0.0.1:5903\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            byte[] rest = "keep: 127.0.0.1:5902\nnew: 127.0.0.1:5904\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] content = new byte[latin1.length + rest.length];
            System.arraycopy(latin1, 0, content, 0, latin1.length);
            System.arraycopy(rest, 0, content, latin1.length, rest.length);
            Files.write(file, content);
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (resolver.resolve("new").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(resolver.resolve("new").isPresent(), "the valid lines are read");
            assertTrue(resolver.resolve("keep").isPresent());
            assertFalse(resolver.resolve("old").isPresent(), "the removed token no longer admits anyone");
            assertEquals(2, resolver.size());
        }
        Files.write(file, new byte[] {'x', (byte) 0xff, ':', ' ', '1', '.', '2', '.', '3', '.', '4', ':', '5', '\n'});
        try (TokenFileResolver resolver = new TokenFileResolver(file, Duration.ofSeconds(60))) {
            assertEquals(0, resolver.size(), "at start-up too, a bad byte costs its line, not the start");
        }
    }

    @Test
    void editorAndPackageManagerLeftOversInADirectoryAreNotRead() throws IOException {
        Files.writeString(dir.resolve("a.cfg"), "live: 127.0.0.1:5901\n");
        for (String name : new String[] {"a.cfg~", ".a.cfg.swp", "#a.cfg#", "a.cfg.bak", "a.cfg.orig",
                "a.cfg.dpkg-old", "a.cfg.tmp", ".hidden"}) {
            Files.writeString(dir.resolve(name), "removed: 127.0.0.1:5999\n");
        }
        try (TokenFileResolver resolver = new TokenFileResolver(dir, Duration.ofSeconds(60))) {
            assertEquals(1, resolver.size());
            assertFalse(resolver.resolve("removed").isPresent());
        }
    }
}
