// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.util.ArrayList;
import java.util.List;

/**
 * Drives and reads the pointer and keyboard of an X display through XTEST with {@code xdotool}. Do not use it on
 * Xtightvnc: xdotool crashes against that old server; use {@link XEventObserver} there.
 */
public final class XInput {
    /** A pointer position in root-window coordinates. */
    public record Point(int x, int y) {
    }

    private final XDisplay display;

    XInput(XDisplay display) {
        this.display = display;
    }

    public void moveMouse(int x, int y) {
        xdotool("mousemove", String.valueOf(x), String.valueOf(y));
    }

    /** Presses and releases {@code button} (1 left, 2 middle, 3 right, 4/5 wheel) where the pointer is. */
    public void click(int button) {
        xdotool("click", String.valueOf(button));
    }

    /** Types {@code text} as key presses. */
    public void type(String text) {
        xdotool("type", "--delay", "5", text);
    }

    /** Presses and releases a key given by keysym name, e.g. {@code Return} or {@code ctrl+a}. */
    public void key(String keys) {
        xdotool("key", keys);
    }

    /** Where the pointer is now ({@code xdotool getmouselocation}). */
    public Point pointerPosition() {
        String out = xdotool("getmouselocation", "--shell").stdoutText();
        Integer x = null;
        Integer y = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("X=")) {
                x = Integer.parseInt(line.substring(2).strip());
            } else if (line.startsWith("Y=")) {
                y = Integer.parseInt(line.substring(2).strip());
            }
        }
        if (x == null || y == null) {
            throw new IllegalStateException("xdotool getmouselocation printed no position: " + out);
        }
        return new Point(x, y);
    }

    private Commands.Result xdotool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(SystemPrograms.require("xdotool", "xdotool"));
        command.addAll(List.of(args));
        return display.runClient(command);
    }
}
