// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.testharness.JavaJar;
import org.rfbridge.testharness.ManagedProcess;
import org.rfbridge.proxy.support.RawWebSocket;
import org.rfbridge.proxy.support.TestBackend;

/** The self-contained jar as a user runs it: help, bad arguments, start-up line, SIGTERM. */
@Timeout(60)
class ProxyJarIT {

    private static final JavaJar JAR = new JavaJar(Path.of("target", "rfbridge-proxy.jar"));

    @TempDir
    Path tempDir;

    private JavaJar.Finished run(String... args) throws Exception {
        return JAR.run(tempDir.resolve("run.log"), Duration.ofSeconds(30), args);
    }

    @Test
    void helpDocumentsEveryOption() throws Exception {
        assertTrue(Files.exists(JAR.path()), "package the jar first: " + JAR.path().toAbsolutePath());
        JavaJar.Finished help = run("--help");
        assertEquals(0, help.exitCode(), help.output());
        for (String option : List.of("--listen", "--target", "--token-file", "--web", "--path", "--allowed-origin",
                "--require-origin", "--cert", "--key", "--ssl-only", "--max-frame-bytes", "--max-sessions",
                "--max-connections-per-second", "--connect-timeout", "--handshake-timeout", "--ping-interval",
                "--idle-timeout", "--io-threads", "--version")) {
            assertTrue(help.output().contains(option), "help lacks " + option + ":\n" + help.output());
        }
    }

    @Test
    void badArgumentsExitWithAOneLineReason() throws Exception {
        JavaJar.Finished none = run();
        assertEquals(2, none.exitCode(), none.output());
        assertTrue(none.output().contains("give exactly one of --target HOST:PORT and --token-file FILE"),
                none.output());
        JavaJar.Finished badPort = run("--target", "host:99999");
        assertEquals(2, badPort.exitCode());
        assertTrue(badPort.output().contains("outside 1-65535"), badPort.output());
    }

    @Test
    void printsTheUrlAndClosesSessionsWith1001OnSigterm() throws Exception {
        try (TestBackend backend = TestBackend.start(socket -> socket.getInputStream().read())) {
            int port = TestBackend.unusedPort();
            try (ManagedProcess proxy = JAR.start(tempDir.resolve("proxy.log"), "--listen", "127.0.0.1:" + port,
                    "--target", backend.hostAndPort())) {
                proxy.awaitOutput("rfbridge proxy ready: open http://localhost:" + port + "/", Duration.ofSeconds(20));
                try (RawWebSocket client = RawWebSocket.connect(port, "/websockify")) {
                    assertEquals(101, client.handshake().status());
                    proxy.awaitOutput("session 1 open", Duration.ofSeconds(5));
                    proxy.process().destroy(); // SIGTERM
                    RawWebSocket.Frame close = client.readUntilClose(null);
                    assertEquals(1001, close.closeCode());
                    assertEquals("proxy shutting down", close.closeReason());
                } catch (IOException e) {
                    throw new AssertionError(proxy.output(), e);
                }
                assertTrue(proxy.process().waitFor(10, TimeUnit.SECONDS), "the proxy exits after SIGTERM");
                String log = proxy.output();
                assertTrue(log.contains("session 1 closed: client 127.0.0.1:"), log);
                assertTrue(log.contains("bytes up") && log.contains("proxy shutting down"), log);
            }
        }
    }
}
