// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches what reaches the root window of an X display, through {@code xev -root}: pointer motion, button
 * presses and key presses, as the X server delivers them. Needs only the core X protocol, so it works on every
 * server here, Xtightvnc included. Events reach the root only while no other window is under the pointer (the
 * displays the launchers start have no windows).
 *
 * <p>Xvnc 1.12 queues input from a VNC client and processes it only when something else wakes its main loop (the
 * pointer has moved for {@code xdotool getmouselocation}, but no event went out yet). So while waiting, the
 * observer pokes the server every {@value #WAKE_INTERVAL_MILLIS} ms with a root property change; that cannot
 * invent pointer or key events, it only lets queued ones through.
 */
public final class XEventObserver implements AutoCloseable {
    /** One X event: its type ({@code KeyPress}, {@code ButtonPress}, {@code MotionNotify}...), root position and detail. */
    public record XEvent(String type, int rootX, int rootY, int button, String keysym) {
    }

    private static final Pattern ROOT = Pattern.compile("root:\\((-?\\d+),(-?\\d+)\\)");
    private static final Pattern BUTTON = Pattern.compile("\\bbutton (\\d+)");
    private static final Pattern KEYSYM = Pattern.compile("\\(keysym 0x[0-9a-f]+, ([^)]+)\\)");
    private static final Duration READY_LIMIT = Duration.ofSeconds(15);
    private static final long WAKE_INTERVAL_MILLIS = 200;

    private final XDisplay display;
    private final ManagedProcess xev;
    private final String setRoot;
    private long lastWake;

    private XEventObserver(XDisplay display, ManagedProcess xev, String setRoot) {
        this.display = display;
        this.xev = xev;
        this.setRoot = setRoot;
    }

    static XEventObserver start(XDisplay display, Path workDir) throws Exception {
        String program = SystemPrograms.require("xev", "x11-utils");
        String setRoot = SystemPrograms.require("xsetroot", "x11-xserver-utils");
        // xev's stdout is block-buffered into a file; stdbuf makes it line-buffered so events show up at once.
        String stdbuf = SystemPrograms.require("stdbuf", "coreutils");
        ManagedProcess xev = ManagedProcess.start(List.of(stdbuf, "-oL", program, "-root", "-display", display.name(),
                        "-event", "keyboard", "-event", "mouse", "-event", "property"),
                workDir.resolve("xev-" + display.number() + "-" + System.nanoTime() + ".log"));
        XEventObserver observer = new XEventObserver(display, xev, setRoot);
        try {
            // xev says nothing once it listens, so poke a root property until it reports the change.
            long deadline = System.nanoTime() + READY_LIMIT.toNanos();
            while (!xev.output().contains("PropertyNotify")) {
                if (!xev.process().isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("xev on " + display.name() + " did not start:\n" + xev.output());
                }
                observer.wakeServer();
                Thread.sleep(50);
            }
            return observer;
        } catch (Exception | Error e) {
            observer.close();
            throw e;
        }
    }

    /** Makes the X server run its main loop once (a root property change), so queued input is processed. */
    public void wakeServer() {
        Commands.run(List.of(setRoot, "-display", display.name(), "-name", "rfbridge-xev"), Map.of(), null,
                Duration.ofSeconds(10));
        lastWake = System.nanoTime();
    }

    private void wakeServerNowAndThen() {
        if (System.nanoTime() - lastWake > WAKE_INTERVAL_MILLIS * 1_000_000) {
            wakeServer();
        }
    }

    /** Every event seen so far, oldest first. */
    public List<XEvent> events() throws IOException {
        List<XEvent> events = new ArrayList<>();
        String type = null;
        StringBuilder block = new StringBuilder();
        for (String line : (xev.output() + "\n\n").split("\n")) {
            if (line.isBlank()) {
                if (type != null) {
                    events.add(parse(type, block.toString()));
                }
                type = null;
                block.setLength(0);
            } else if (!Character.isWhitespace(line.charAt(0)) && line.contains(" event,")) {
                type = line.substring(0, line.indexOf(' '));
                block.setLength(0);
                block.append(line).append('\n');
            } else {
                block.append(line).append('\n');
            }
        }
        return events;
    }

    private static XEvent parse(String type, String block) {
        Matcher root = ROOT.matcher(block);
        Matcher button = BUTTON.matcher(block);
        Matcher keysym = KEYSYM.matcher(block);
        boolean hasRoot = root.find();
        return new XEvent(type,
                hasRoot ? Integer.parseInt(root.group(1)) : -1,
                hasRoot ? Integer.parseInt(root.group(2)) : -1,
                button.find() ? Integer.parseInt(button.group(1)) : 0,
                keysym.find() ? keysym.group(1) : null);
    }

    /** The keysym names of all key presses so far, in order (as xev names them: {@code a}, {@code Return}). */
    public List<String> keysPressed() throws IOException {
        return events().stream().filter(e -> e.type().equals("KeyPress")).map(XEvent::keysym).toList();
    }

    /** Waits for the pointer to arrive at (x, y) in root coordinates. */
    public XEvent awaitMotionTo(int x, int y, Duration limit) throws Exception {
        return await(e -> e.type().equals("MotionNotify") && e.rootX() == x && e.rootY() == y,
                "pointer motion to (" + x + ", " + y + ")", limit);
    }

    /** Waits for a press of {@code button}. */
    public XEvent awaitButtonPress(int button, Duration limit) throws Exception {
        return await(e -> e.type().equals("ButtonPress") && e.button() == button, "press of button " + button, limit);
    }

    /** Waits for a release of {@code button}. */
    public XEvent awaitButtonRelease(int button, Duration limit) throws Exception {
        return await(e -> e.type().equals("ButtonRelease") && e.button() == button, "release of button " + button,
                limit);
    }

    /** Waits for a press of the key whose keysym xev names {@code keysymName}. */
    public XEvent awaitKeyPress(String keysymName, Duration limit) throws Exception {
        return await(e -> e.type().equals("KeyPress") && keysymName.equals(e.keysym()), "key press " + keysymName,
                limit);
    }

    /** Waits until the key presses so far, in order, end with {@code keysymNames}. */
    public void awaitKeysPressed(List<String> keysymNames, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            List<String> keys = keysPressed();
            if (keys.size() >= keysymNames.size()
                    && keys.subList(keys.size() - keysymNames.size(), keys.size()).equals(keysymNames)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("keys " + keysymNames + " did not reach " + display.name() + " within "
                        + limit + "; pressed: " + keys);
            }
            wakeServerNowAndThen();
            Thread.sleep(20);
        }
    }

    /** Waits for the first event matching {@code wanted}; fails listing what did arrive. */
    public XEvent await(Predicate<XEvent> wanted, String what, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            List<XEvent> events = events();
            for (XEvent event : events) {
                if (wanted.test(event)) {
                    return event;
                }
            }
            if (System.nanoTime() > deadline || !xev.process().isAlive()) {
                int from = Math.max(0, events.size() - 20);
                throw new AssertionError("no " + what + " on " + display.name() + " within " + limit
                        + "; last events: " + events.subList(from, events.size()));
            }
            wakeServerNowAndThen();
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        xev.close();
    }
}
