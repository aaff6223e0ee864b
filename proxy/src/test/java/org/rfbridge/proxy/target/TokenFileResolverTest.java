// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
