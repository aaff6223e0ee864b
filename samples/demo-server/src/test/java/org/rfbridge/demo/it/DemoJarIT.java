// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rfbridge.demo.it.ClientChecks.WAIT;
import static org.rfbridge.demo.it.ClientChecks.following;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.demo.DemoLauncher;
import org.rfbridge.demo.DemoServer;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.client.RfbClientListener;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.testharness.FreePorts;
import org.rfbridge.testharness.JavaJar;
import org.rfbridge.testharness.ManagedProcess;

/** The packaged demo jar as the README runs it: prints the URL, serves / and /websockify, stops on SIGTERM. */
@Timeout(60)
class DemoJarIT {

    private static final JavaJar JAR = new JavaJar(Path.of("target", "rfbridge-demo-all.jar"));

    @TempDir
    Path tempDir;

    @Test
    void helpNamesTheOptions() throws Exception {
        assertTrue(Files.exists(JAR.path()), "package the jar first: " + JAR.path().toAbsolutePath());
        JavaJar.Finished help = JAR.run(tempDir.resolve("help.log"), Duration.ofSeconds(30), "--help");
        String output = help.output();
        assertEquals(0, help.exitCode(), output);
        for (String option : List.of("--listen", "--size", "--password-file", "--rfb-version", "--frozen", "--path",
                "--web", "--allowed-origin", "--require-origin")) {
            assertTrue(output.contains(option), "help lacks " + option + ":\n" + output);
        }
    }

    @Test
    void printsTheUrlServesThePageAndTheDesktopAndStopsOnSigterm() throws Exception {
        assertTrue(Files.exists(JAR.path()), "package the jar first: " + JAR.path().toAbsolutePath());
        int port = FreePorts.loopbackPort();
        try (ManagedProcess demo = JAR.start(tempDir.resolve("demo.log"), "--listen", "127.0.0.1:" + port,
                "--size", "640x480")) {
            demo.awaitOutput(DemoLauncher.READY_PREFIX + "http://localhost:" + port + "/ in a browser",
                    Duration.ofSeconds(30));

            HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().toLowerCase(Locale.ROOT).contains("<html"), page.body());

            try (RfbClient client = RfbClient.connect("ws://127.0.0.1:" + port + "/websockify", following().build(),
                    new RfbClientListener() { })) {
                assertEquals(DemoServer.DESKTOP_NAME, client.awaitConnected(WAIT).name());
                Framebuffer first = client.awaitFirstUpdate(WAIT);
                assertEquals(640, first.width());
                assertEquals(480, first.height());
                // The title bar is drawn: its background colour is at its top-left corner.
                assertEquals(0xFF2D5A88, first.getPixel(0, 0));
            }

            demo.process().destroy(); // SIGTERM
            assertTrue(demo.process().waitFor(10, TimeUnit.SECONDS), "the demo exits after SIGTERM:\n" + demo.output());
            String log = demo.output();
            assertFalse(log.contains("Exception"), log);
        }
    }
}
