// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.rfb.client.Target;

/** Argument and target parsing of {@code rfb-client}, and its exit statuses, without any server. */
@Timeout(10)
class RfbCliTest {
    @TempDir
    Path tempDir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = RfbCli.execute(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    private static SessionOptions session(String target, Map<String, String> env) {
        SessionOptions options = new SessionOptions(env);
        options.target = target;
        return options;
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run(Map.of());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("missing command"), run.err());
    }

    @Test
    void aMissingTargetIsAUsageError() {
        Run run = run(Map.of(), "info");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("TARGET"), run.err());
    }

    @Test
    void snapshotNeedsAnOutputFile() {
        Run run = run(Map.of(), "snapshot", "localhost:1");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("OUT.png"), run.err());
    }

    @Test
    void thereIsNoOptionThatTakesThePasswordItself() {
        Run run = run(Map.of(), "info", "--password", "secret", "localhost:1");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--password"), run.err());
    }

    @Test
    void helpNamesEveryWayToGiveAPassword() {
        Run run = run(Map.of(), "info", "--help");
        assertEquals(0, run.status());
        assertTrue(run.out().contains("--password-file"), run.out());
        assertTrue(run.out().contains("ws://"), run.out());
    }

    @Test
    void aTargetWithAnUnknownSchemeFailsWithOneLineBeforeConnecting() {
        Run run = run(Map.of(), "info", "ftp://example.org");
        assertEquals(1, run.status());
        assertEquals("rfb-client: unsupported scheme in \"ftp://example.org\": use host:port, host:display, ws:// or"
                + " wss://", run.err().strip());
    }

    @Test
    void aTargetThatIsNotANumberFailsWithOneLine() {
        Run run = run(Map.of(), "info", "localhost:five");
        assertEquals(1, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("\"five\""), run.err());
    }

    @Test
    void anUnreadablePasswordFileFailsWithOneLineNamingIt() {
        Path missing = tempDir.resolve("no-such-file");
        Run run = run(Map.of(), "info", "--password-file", missing.toString(), "localhost:1");
        assertEquals(1, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("rfb-client: cannot read password file " + missing), run.err());
    }

    @Test
    void targetsAreDisplaysPortsOrWebSocketUrls() {
        Map<String, String> env = Map.of();
        assertEquals(Target.tcp("vnc.example", 5901), session("vnc.example:1", env).parsedTarget());
        assertEquals(Target.tcp("vnc.example", 5999), session("vnc.example:99", env).parsedTarget());
        assertEquals(Target.tcp("vnc.example", 5900), session("vnc.example", env).parsedTarget());
        assertEquals(Target.tcp("vnc.example", 6001), session("vnc.example:6001", env).parsedTarget());
        assertEquals(Target.tcp("127.0.0.1", 42), session("127.0.0.1::42", env).parsedTarget());
        assertEquals(Target.tcp("::1", 5902), session("[::1]:2", env).parsedTarget());
        Target ws = session("ws://proxy.example:6080", env).parsedTarget();
        assertTrue(ws.isWebSocket());
        assertEquals(URI.create("ws://proxy.example:6080/websockify"), ws.webSocketUri());
        Target wss = session("WSS://proxy.example/vnc?token=abc", env).parsedTarget();
        assertEquals(URI.create("wss://proxy.example/vnc?token=abc"), wss.webSocketUri());
        assertThrows(IllegalArgumentException.class, () -> session("", env).parsedTarget());
        assertThrows(IllegalArgumentException.class, () -> session("host:70000", env).parsedTarget());
        assertThrows(IllegalArgumentException.class, () -> session("[::1", env).parsedTarget());
    }

    @Test
    void thePasswordFileWinsOverTheEnvironment() throws Exception {
        Path file = Files.writeString(tempDir.resolve("pw"), "from-file\r\nsecond line\n", StandardCharsets.UTF_8);
        SessionOptions options = session("localhost:1", Map.of(SessionOptions.PASSWORD_VARIABLE, "from-env"));
        options.passwordFile = file;
        assertArrayEquals("from-file".toCharArray(), options.passwordProvider().password());
    }

    @Test
    void theEnvironmentGivesThePasswordWhenThereIsNoFile() throws Exception {
        SessionOptions options = session("localhost:1", Map.of(SessionOptions.PASSWORD_VARIABLE, "from-env"));
        assertArrayEquals("from-env".toCharArray(), options.passwordProvider().password());
    }

    @Test
    void withoutFileEnvironmentOrTerminalThePasswordRequestFailsSayingWhatToDo() throws Exception {
        SessionOptions options = session("localhost:1", Map.of());
        assumeTrue(System.console() == null, "run from a terminal: the prompt would wait for a person");
        Exception e = assertThrows(Exception.class, () -> options.passwordProvider().password());
        assertTrue(e.getMessage().contains("--password-file") && e.getMessage().contains("VNC_PASSWORD"),
                e.getMessage());
    }

    @Test
    void aSnapshotIntoAMissingDirectoryFailsBeforeConnecting() {
        Path out = tempDir.resolve("no-such-dir").resolve("shot.png");
        // Port 1 on loopback: if it tried to connect, the message would be about the connection instead.
        Run run = run(Map.of(), "snapshot", "127.0.0.1::1", out.toString());
        assertEquals(1, run.status());
        assertEquals("rfb-client: cannot write " + out + ": there is no directory " + out.getParent(),
                run.err().strip());
    }
}
