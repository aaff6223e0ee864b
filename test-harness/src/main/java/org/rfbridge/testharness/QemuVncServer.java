// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * QEMU's built-in VNC server in front of a diskless x86 machine ({@code qemu-system-x86_64 -display none -vnc
 * 127.0.0.1:N}): the SeaBIOS text screen, 720x400, with a blinking text cursor, so compare its screens with
 * {@link #CURSOR_TOLERANCE_PIXELS} or wait with {@link #awaitStableScreen}. The password, if any, goes in through a
 * {@code secret} object ({@code password-secret=}), never on a VNC option. A QMP socket gives
 * {@link #screendump()}; {@code -trace} logs the keys the VNC server maps and the emulated PS/2 keyboard gets.
 */
public final class QemuVncServer implements VncServer {
    /** Pixels a blinking text cursor may change between two otherwise equal screens (one 9x16 cell). */
    public static final int CURSOR_TOLERANCE_PIXELS = 9 * 16;

    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final ManagedProcess process;
    private final int display;
    private final Path qmpSocket;
    private final Path workDir;
    private final String password;

    private QemuVncServer(ManagedProcess process, int display, Path qmpSocket, Path workDir, String password) {
        this.process = process;
        this.display = display;
        this.qmpSocket = qmpSocket;
        this.workDir = workDir;
        this.password = password;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int rfbPort() {
        return 5900 + display;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String output() throws IOException {
        return process.output();
    }

    /** The guest screen as QEMU has it (QMP {@code screendump}, PPM). */
    public ArgbImage screendump() throws IOException {
        Path file = workDir.resolve("screendump-" + System.nanoTime() + ".ppm");
        try {
            qmp("{\"execute\":\"screendump\",\"arguments\":{\"filename\":\"" + file + "\"}}");
            return ScreenGrab.parsePpm(Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Waits until the firmware has stopped writing: screendumps 300 ms apart stay within
     * {@link #CURSOR_TOLERANCE_PIXELS} of each other for a second, and show some text. Returns the last one.
     */
    public ArgbImage awaitStableScreen(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        ArgbImage previous = null;
        long stableSince = 0;
        while (true) {
            ArgbImage now = screendump();
            boolean stable = previous != null && previous.width() == now.width() && previous.height() == now.height()
                    && previous.countDifferentPixels(now) <= CURSOR_TOLERANCE_PIXELS && hasText(now);
            if (!stable) {
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince >= Duration.ofSeconds(1).toNanos()) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the QEMU screen did not settle within " + limit);
            }
            previous = now;
            Thread.sleep(300);
        }
    }

    private static boolean hasText(ArgbImage image) {
        int lit = 0;
        for (int pixel : image.pixels()) {
            if ((pixel & 0xFFFFFF) != 0) {
                lit++;
            }
        }
        return lit > CURSOR_TOLERANCE_PIXELS;
    }

    /**
     * Keys as QEMU's VNC server mapped them, in order: the {@code vnc_key_event_map} trace lines, each with the
     * keysym and whether it was a press.
     */
    public List<String> vncKeyEvents() throws IOException {
        return traceLines("vnc_key_event_map");
    }

    /** Key events the emulated PS/2 keyboard received ({@code ps2_keyboard_event} trace lines). */
    public List<String> guestKeyboardEvents() throws IOException {
        return traceLines("ps2_keyboard_event");
    }

    /**
     * Pointer events QEMU's input layer passed to the VM's mouse: {@code input_event_btn} (button presses and
     * releases), {@code input_event_rel} (moves, as deltas for the default PS/2 mouse) and {@code input_event_abs}
     * trace lines, in order.
     */
    public List<String> pointerEvents() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : process.output().split("\n")) {
            if (line.contains("input_event_btn") || line.contains("input_event_rel") || line.contains("input_event_abs")) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    /** The lines of QEMU's log that trace {@code event}. */
    public List<String> traceLines(String event) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : process.output().split("\n")) {
            if (line.contains(event)) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    /** Sends one QMP command and returns its reply line; fails on an error reply. */
    public String qmp(String commandJson) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(qmpSocket));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8));
            OutputStream out = Channels.newOutputStream(channel);
            readReply(in, "QMP");
            out.write("{\"execute\":\"qmp_capabilities\"}\n".getBytes(StandardCharsets.UTF_8));
            readReply(in, "return");
            out.write((commandJson + "\n").getBytes(StandardCharsets.UTF_8));
            return readReply(in, "return");
        }
    }

    private static String readReply(BufferedReader in, String key) throws IOException {
        for (int lines = 0; lines < 100; lines++) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("QMP closed before a reply");
            }
            if (line.contains("\"error\"")) {
                throw new IOException("QMP error: " + line);
            }
            if (line.contains("\"" + key + "\"")) {
                return line;
            }
        }
        throw new IOException("no QMP reply in 100 lines");
    }

    @Override
    public void close() {
        process.close();
        try {
            Files.deleteIfExists(qmpSocket);
        } catch (IOException e) {
            System.err.println("test-harness: cannot delete " + qmpSocket + ": " + e.getMessage());
        }
    }

    private static void awaitQmpSocket(ManagedProcess process, Path qmp) throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!Files.exists(qmp)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no QMP socket from QEMU:\n" + process.output());
            }
            Thread.sleep(20);
        }
    }

    /** Settings for {@link QemuVncServer}; defaults: no password. */
    public static final class Builder {
        private String password;

        private Builder() {
        }

        /** Requires VNC authentication with {@code password} (QEMU's VNC passwords have at most 8 characters). */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public QemuVncServer start(Path workDir) throws Exception {
            String qemu = SystemPrograms.require("qemu-system-x86_64", "qemu-system-x86");
            return Startup.withRetries("QEMU", () -> {
                int display = FreePorts.displayWithFreeVncPort();
                // Unix socket paths are limited to ~100 bytes; @TempDir paths can be long.
                Path qmp = Files.createTempFile(Path.of("/tmp"), "rfbridge-qmp-", ".sock");
                Files.delete(qmp);
                List<String> command = new ArrayList<>(List.of(qemu, "-display", "none", "-nic", "none", "-m", "32",
                        "-no-user-config", "-qmp", "unix:" + qmp + ",server=on,wait=off",
                        "-trace", "enable=vnc_key_event_map", "-trace", "enable=vnc_key_event_ext",
                        "-trace", "enable=ps2_keyboard_event", "-trace", "enable=ps2_set_ledstate",
                        "-trace", "enable=input_event_btn", "-trace", "enable=input_event_rel",
                        "-trace", "enable=input_event_abs"));
                if (password == null) {
                    command.addAll(List.of("-vnc", HOST + ":" + display));
                } else {
                    Path secret = workDir.resolve("qemu-vnc-" + display + ".secret");
                    Files.writeString(secret, password, StandardCharsets.UTF_8);
                    command.addAll(List.of("-object", "secret,id=vncpw,file=" + secret,
                            "-vnc", HOST + ":" + display + ",password-secret=vncpw"));
                }
                try {
                    ManagedProcess process = Startup.launch(command, workDir.resolve("qemu-" + display + ".log"),
                            Map.of(), started -> {
                                started.awaitPort(5900 + display, START_LIMIT);
                                awaitQmpSocket(started, qmp);
                            });
                    return new QemuVncServer(process, display, qmp, workDir, password);
                } catch (Exception | Error e) {
                    Files.deleteIfExists(qmp);
                    throw e;
                }
            });
        }
    }
}
