// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

/**
 * The desktop's lock keys as one small bit set, toggled by pressing the lock key from any client. The bits
 * are the ones the RFB server sends as they are (QEMU's LED state: Scroll Lock, Num Lock, Caps Lock from the
 * lowest bit up), so nobody has to translate them.
 */
public final class LockKeys {

    public static final int SCROLL_LOCK = 1;
    public static final int NUM_LOCK = 2;
    public static final int CAPS_LOCK = 4;

    static final int CAPS_LOCK_KEYSYM = 0xFFE5;
    static final int NUM_LOCK_KEYSYM = org.rfbridge.rfb.protocol.Keysyms.NUM_LOCK;
    static final int SCROLL_LOCK_KEYSYM = org.rfbridge.rfb.protocol.Keysyms.SCROLL_LOCK;

    private LockKeys() {
    }

    /** The bit a press of {@code keysym} toggles, or 0 for a key that is no lock key. */
    static int bitFor(int keysym) {
        return switch (keysym) {
            case CAPS_LOCK_KEYSYM -> CAPS_LOCK;
            case NUM_LOCK_KEYSYM -> NUM_LOCK;
            case SCROLL_LOCK_KEYSYM -> SCROLL_LOCK;
            default -> 0;
        };
    }

    /** For the status bar, e.g. {@code "Caps Num"}, or {@code "none"}. */
    static String describe(int locks) {
        StringBuilder out = new StringBuilder();
        if ((locks & CAPS_LOCK) != 0) {
            out.append("Caps ");
        }
        if ((locks & NUM_LOCK) != 0) {
            out.append("Num ");
        }
        if ((locks & SCROLL_LOCK) != 0) {
            out.append("Scroll ");
        }
        return out.length() == 0 ? "none" : out.toString().trim();
    }
}
