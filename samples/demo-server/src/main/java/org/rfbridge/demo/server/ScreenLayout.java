// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.util.List;

/**
 * The screens of the desktop as ExtendedDesktopSize and SetDesktopSize carry them: each an id, a rectangle
 * and flags, which the server keeps as a client sent them. Immutable.
 */
record ScreenLayout(List<Screen> screens) {

    /** The most screens a message can carry (its count is a u8). */
    static final int MAX_SCREENS = 255;
    /** Bytes of one screen on the wire. */
    static final int SCREEN_LENGTH = 16;

    /** One screen; ids and flags are u32 on the wire, kept as the bits sent. */
    record Screen(int id, int x, int y, int width, int height, int flags) {
    }

    ScreenLayout {
        screens = List.copyOf(screens);
        if (screens.size() > MAX_SCREENS) {
            throw new IllegalArgumentException(screens.size() + " screens; at most " + MAX_SCREENS);
        }
    }

    /** One screen, id 0 and flags 0, covering the whole desktop: the layout of a desktop nobody arranged. */
    static ScreenLayout single(int width, int height) {
        return new ScreenLayout(List.of(new Screen(0, 0, 0, width, height, 0)));
    }

    /**
     * Why this layout cannot be a desktop of {@code width} x {@code height}, or null when it can: it needs a
     * screen, and every screen must be at least 1x1 and lie inside.
     */
    String problemFor(int width, int height) {
        if (width == 0 || height == 0) {
            return "size " + width + "x" + height + " has no pixels";
        }
        if (screens.isEmpty()) {
            return "no screens";
        }
        for (int i = 0; i < screens.size(); i++) {
            Screen s = screens.get(i);
            if (s.width() == 0 || s.height() == 0 || s.x() + s.width() > width || s.y() + s.height() > height) {
                return "screen " + (i + 1) + " of " + screens.size() + " (id " + Integer.toUnsignedString(s.id())
                        + ") at " + s.x() + "," + s.y() + " " + s.width() + "x" + s.height() + " lies outside "
                        + width + "x" + height;
            }
        }
        return null;
    }

    /** The body of an ExtendedDesktopSize rectangle with this layout. */
    byte[] body() {
        byte[] out = new byte[4 + SCREEN_LENGTH * screens.size()];
        out[0] = (byte) screens.size();                 // number-of-screens
        int o = 4;                                      // 3 padding
        for (Screen s : screens) {
            o = putU32(out, o, s.id());                 // id
            o = putU16(out, o, s.x());                  // x-position
            o = putU16(out, o, s.y());                  // y-position
            o = putU16(out, o, s.width());              // width
            o = putU16(out, o, s.height());             // height
            o = putU32(out, o, s.flags());              // flags
        }
        return out;
    }

    private static int putU16(byte[] out, int o, int value) {
        out[o] = (byte) (value >>> 8);
        out[o + 1] = (byte) value;
        return o + 2;
    }

    private static int putU32(byte[] out, int o, int value) {
        return putU16(out, putU16(out, o, value >>> 16), value);
    }
}
