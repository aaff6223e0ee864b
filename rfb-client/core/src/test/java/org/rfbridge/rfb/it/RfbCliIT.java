// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rfbridge.rfb.it.RealServers.PATTERN_BACKGROUND;
import static org.rfbridge.rfb.it.RealServers.PATTERN_FOREGROUND;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.proxy.ProxyServer;
import org.rfbridge.testharness.ArgbImage;
import org.rfbridge.testharness.Commands;
import org.rfbridge.testharness.FreePorts;
import org.rfbridge.testharness.JavaJar;
import org.rfbridge.testharness.XvncServer;

/** The packaged tool ({@code java -jar target/rfbridge-rfb-core-all.jar}) against a real Xvnc. */
@Timeout(60)
class RfbCliIT {
    private static final JavaJar JAR = new JavaJar(Path.of("target", "rfbridge-rfb-core-all.jar"));
    private static final String NAME = "rfbridge-cli-it";

    @TempDir
    static Path serverDir;

    @TempDir
    Path tempDir;

    private static XvncServer xvnc;
    private static ProxyServer proxy;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isRegularFile(JAR.path()),
                JAR.path().toAbsolutePath() + " is missing: run the package phase first");
        xvnc = XvncServer.builder().geometry(480, 320).desktopName(NAME).password("cli-pw").start(serverDir);
        xvnc.x().setRootPattern(PATTERN_FOREGROUND, PATTERN_BACKGROUND);
        proxy = RealServers.proxyTo(xvnc);
    }

    @AfterAll
    static void stop() throws Exception {
        RealServers.closeAll(proxy, xvnc);
    }

    private static Commands.Result cli(Map<String, String> env, String... args) {
        return Commands.runAllowingFailure(JAR.command(args), env, null, Duration.ofSeconds(30));
    }

    private Path passwordFile(String password) throws IOException {
        return Files.writeString(tempDir.resolve("pw-" + System.nanoTime()), password + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void infoPrintsWhatTheHandshakeSays() throws Exception {
        Commands.Result result = cli(Map.of(), "info", "--password-file", passwordFile("cli-pw").toString(),
                xvnc.tcpTarget());
        String out = result.stdoutText();
        assertEquals(0, result.exitCode(), out + result.stderr());
        assertTrue(out.contains("3.8"), out);
        assertTrue(out.contains("480x320"), out);
        assertTrue(out.contains(NAME), out);
        assertTrue(out.matches("(?s).*security types:.*VNC.*"), out);
        assertTrue(out.matches("(?s).*pixel format:.*32.*"), out);
    }

    @Test
    void snapshotWritesAPngEqualToTheServersScreen() throws Exception {
        assertSnapshotEqualsGrab(xvnc.tcpTarget());
    }

    @Test
    void snapshotThroughTheProxyOverWebSocketWritesTheSamePng() throws Exception {
        assertSnapshotEqualsGrab("ws://127.0.0.1:" + proxy.localAddress().getPort());
    }

    private void assertSnapshotEqualsGrab(String target) throws Exception {
        Path png = tempDir.resolve("shot-" + System.nanoTime() + ".png");
        Commands.Result result = cli(Map.of("VNC_PASSWORD", "cli-pw"), "snapshot", target, png.toString());
        assertEquals(0, result.exitCode(), result.stdoutText() + result.stderr());
        BufferedImage image = ImageIO.read(png.toFile());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        ArgbImage written = ArgbImage.of(image.getWidth(), image.getHeight(), pixels);
        assertEquals(null, xvnc.x().grab().describeDifference(written, 0), "snapshot of " + target);
    }

    @Test
    void aWrongPasswordExitsNonZeroWithOneLine() {
        Commands.Result result = cli(Map.of("VNC_PASSWORD", "nope"), "info", xvnc.tcpTarget());
        assertEquals(1, result.exitCode());
        String err = result.stderr().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("rfb-client: authentication failed"), err);
    }

    @Test
    void noPasswordAndNoTerminalExitsNonZeroSayingHowToGiveOne() {
        Commands.Result result = cli(Map.of(), "info", xvnc.tcpTarget());
        assertEquals(1, result.exitCode());
        String err = result.stderr().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("--password-file") && err.contains("VNC_PASSWORD"), err);
    }

    @Test
    void anUnreachableTargetExitsNonZeroWithOneLine() {
        int closedPort = FreePorts.loopbackPort();
        Commands.Result result = cli(Map.of(), "info", "--timeout", "3", "127.0.0.1::" + closedPort);
        assertEquals(1, result.exitCode());
        String err = result.stderr().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("rfb-client: ") && err.contains(String.valueOf(closedPort)), err);
    }
}
