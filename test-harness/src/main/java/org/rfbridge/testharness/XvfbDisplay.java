// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A virtual X display ({@code Xvfb}, depth 24, no TCP) on a free display number; closing stops it by PID. */
public final class XvfbDisplay implements HasXDisplay, AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private final ManagedProcess process;
    private final int display;

    private XvfbDisplay(ManagedProcess process, int display) {
        this.process = process;
        this.display = display;
    }

    /** Starts Xvfb with one screen of {@code width} x {@code height} x 24 and waits until X clients can connect. */
    public static XvfbDisplay start(Path workDir, int width, int height) throws Exception {
        String xvfb = SystemPrograms.require("Xvfb", "xvfb");
        String xdpyinfo = SystemPrograms.require("xdpyinfo", "x11-utils");
        return Startup.withRetries("Xvfb", () -> {
            int display = FreePorts.display();
            ManagedProcess process = Startup.launch(List.of(xvfb, ":" + display, "-screen", "0",
                    width + "x" + height + "x24", "-nolisten", "tcp"), workDir.resolve("xvfb-" + display + ".log"),
                    Map.of(), started -> {
                        Startup.awaitXSocket(started, display, START_LIMIT);
                        awaitClientsAccepted(started, display, xdpyinfo);
                    });
            return new XvfbDisplay(process, display);
        });
    }

    /** The socket appears before Xvfb serves it; a client that connects in between gets refused. */
    private static void awaitClientsAccepted(ManagedProcess process, int display, String xdpyinfo) throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (Commands.runAllowingFailure(List.of(xdpyinfo, "-display", ":" + display), Map.of(), null,
                Duration.ofSeconds(10)).exitCode() != 0) {
            if (!process.process().isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Xvfb :" + display + " did not accept clients:\n" + process.output());
            }
            Thread.sleep(50);
        }
    }

    @Override
    public int display() {
        return display;
    }

    public String output() throws IOException {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
