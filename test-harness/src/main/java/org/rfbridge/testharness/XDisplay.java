// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An X display a test started (Xvnc, Xvfb, Xtightvnc): what X clients can do on it — grab the screen, paint the
 * root window, drive and observe input. Safe to use from any thread; every call is bounded in time.
 *
 * @param number the display number N of {@code :N}
 */
public record XDisplay(int number) {
    private static final Duration CLIENT_LIMIT = Duration.ofSeconds(20);
    private static final int TILE = 16;

    /** {@code ":N"}. */
    public String name() {
        return ":" + number;
    }

    /** The environment an X client needs to talk to this display. */
    public Map<String, String> environment() {
        return Map.of("DISPLAY", name());
    }

    /** The whole screen as the X server has it ({@code xwd -root}). */
    public ArgbImage grab() {
        return ScreenGrab.grab(number);
    }

    /** Pointer and keyboard through XTEST ({@code xdotool}); not usable on Xtightvnc. */
    public XInput input() {
        return new XInput(this);
    }

    /** Starts an {@code xev -root} observer of pointer and key events reaching the root window. */
    public XEventObserver observeEvents(Path workDir) throws Exception {
        return XEventObserver.start(this, workDir);
    }

    /** Fills the root window with one colour ({@code xsetroot -solid}); {@code rgb} is 0xRRGGBB. */
    public void setRootColour(int rgb) {
        runClient(List.of(SystemPrograms.require("xsetroot", "x11-xserver-utils"), "-display", name(), "-solid",
                colour(rgb)));
    }

    /**
     * Tiles the root window with a fixed, asymmetric 16x16 two-colour pattern ({@code xsetroot -bitmap}), so a
     * snapshot that is shifted, mirrored or has swapped channels differs from the grab.
     */
    public void setRootPattern(int foregroundRgb, int backgroundRgb) throws IOException {
        Path bitmap = Files.createTempFile("rfbridge-root-", ".xbm");
        try {
            Files.writeString(bitmap, patternXbm(), StandardCharsets.US_ASCII);
            runClient(List.of(SystemPrograms.require("xsetroot", "x11-xserver-utils"), "-display", name(),
                    "-bitmap", bitmap.toString(), "-fg", colour(foregroundRgb), "-bg", colour(backgroundRgb)));
        } finally {
            Files.deleteIfExists(bitmap);
        }
    }

    /** Whether bit (x, y) of the root pattern tile is foreground. */
    public static boolean patternBit(int x, int y) {
        return ((x * 3 + y * 5) % 7 < 3) ^ (x < y / 2);
    }

    private static String patternXbm() {
        StringBuilder xbm = new StringBuilder()
                .append("#define rfbridge_width ").append(TILE).append('\n')
                .append("#define rfbridge_height ").append(TILE).append('\n')
                .append("static unsigned char rfbridge_bits[] = {\n"); // the values must start on the next line
        for (int y = 0; y < TILE; y++) {
            for (int byteIndex = 0; byteIndex < TILE / 8; byteIndex++) {
                int value = 0;
                for (int bit = 0; bit < 8; bit++) {
                    if (patternBit(byteIndex * 8 + bit, y)) {
                        value |= 1 << bit; // XBM is least significant bit first
                    }
                }
                xbm.append(y == 0 && byteIndex == 0 ? "" : ",").append(String.format("0x%02x", value));
            }
        }
        return xbm.append("};\n").toString();
    }

    /**
     * Shows {@code image} in a window at the screen's top-left corner ({@code xwud}; with no window manager it
     * has no border), until the returned process is closed; returns once the screen shows it.
     */
    public ManagedProcess show(ArgbImage image, Path workDir) throws Exception {
        Path file = Files.createTempFile(workDir, "shown-", ".xwd");
        Files.write(file, ScreenGrab.toXwd(image));
        ManagedProcess viewer = ManagedProcess.start(List.of(SystemPrograms.require("xwud", "x11-apps"), "-in",
                file.toString(), "-noclick"), workDir.resolve(file.getFileName() + ".log"), environment());
        long deadline = System.nanoTime() + CLIENT_LIMIT.toNanos();
        while (!grab().crop(0, 0, image.width(), image.height()).equals(image)) {
            if (System.nanoTime() > deadline || !viewer.process().isAlive()) {
                viewer.close();
                throw new IllegalStateException("xwud did not show the image on " + name() + ": " + viewer.output());
            }
            Thread.sleep(50);
        }
        return viewer;
    }

    /** The screen size {@code xdpyinfo} reports, as {width, height}. */
    public int[] size() {
        String info = runClient(List.of(SystemPrograms.require("xdpyinfo", "x11-utils"), "-display", name()))
                .stdoutText();
        for (String line : info.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("dimensions:")) {
                String[] wh = trimmed.substring("dimensions:".length()).strip().split("\\s+")[0].split("x");
                return new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
            }
        }
        throw new IllegalStateException("xdpyinfo printed no dimensions for " + name() + ":\n" + info);
    }

    /** The screen size RandR reports ({@code xrandr -q}'s "current W x H"), as {width, height}. */
    public int[] randrSize() {
        String info = runClient(List.of(SystemPrograms.require("xrandr", "x11-xserver-utils"), "-display", name(),
                "-q")).stdoutText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("current (\\d+) x (\\d+)").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("xrandr printed no current size for " + name() + ":\n" + info);
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /**
     * Makes {@code text} (UTF-8) the CLIPBOARD selection's content, owned by an {@code xclip} that serves it until
     * the returned process is closed or another client takes the selection.
     */
    public ManagedProcess ownClipboard(String text, Path workDir) throws Exception {
        Path file = Files.createTempFile(workDir, "clipboard-", ".txt");
        Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
        ManagedProcess owner = ManagedProcess.start(List.of(SystemPrograms.require("xclip", "xclip"), "-display",
                name(), "-selection", "clipboard", "-quiet", "-i", file.toString()),
                workDir.resolve(file.getFileName() + ".log"), environment());
        long deadline = System.nanoTime() + CLIENT_LIMIT.toNanos();
        while (!text.equals(clipboardText())) {
            if (System.nanoTime() > deadline || !owner.process().isAlive()) {
                owner.close();
                throw new IllegalStateException("xclip did not take the clipboard on " + name() + ": " + owner.output());
            }
            Thread.sleep(50);
        }
        return owner;
    }

    /** The CLIPBOARD selection's text as UTF-8 ({@code xclip -o}), empty when nobody owns it. */
    public String clipboardText() {
        Commands.Result result = Commands.runAllowingFailure(List.of(SystemPrograms.require("xclip", "xclip"),
                "-display", name(), "-selection", "clipboard", "-o", "-t", "UTF8_STRING"), environment(), null,
                CLIENT_LIMIT);
        return result.exitCode() == 0 ? result.stdoutText() : "";
    }

    /** Runs an X client against this display, failing unless it exits 0 within 20 s. */
    public Commands.Result runClient(List<String> command) {
        return Commands.run(command, environment(), null, CLIENT_LIMIT);
    }

    private static String colour(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }
}
