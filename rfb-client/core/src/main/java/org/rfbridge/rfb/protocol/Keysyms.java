// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

/**
 * X11 keysyms (the values KeyEvent carries, from X11's keysymdef.h) of the keys that type no character, and the
 * mapping from characters. Viewers map their toolkit's key codes to these numbers; they keep only that mapping.
 */
public final class Keysyms {
    public static final int BACKSPACE = 0xFF08;
    public static final int TAB = 0xFF09;
    public static final int RETURN = 0xFF0D;
    public static final int PAUSE = 0xFF13;
    public static final int SCROLL_LOCK = 0xFF14;
    public static final int SYS_REQ = 0xFF15;
    public static final int ESCAPE = 0xFF1B;
    public static final int HOME = 0xFF50;
    public static final int LEFT = 0xFF51;
    public static final int UP = 0xFF52;
    public static final int RIGHT = 0xFF53;
    public static final int DOWN = 0xFF54;
    public static final int PAGE_UP = 0xFF55;
    public static final int PAGE_DOWN = 0xFF56;
    public static final int END = 0xFF57;
    public static final int BEGIN = 0xFF58;
    public static final int PRINT = 0xFF61;
    public static final int INSERT = 0xFF63;
    public static final int UNDO = 0xFF65;
    public static final int MENU = 0xFF67;
    public static final int FIND = 0xFF68;
    public static final int CANCEL = 0xFF69;
    public static final int HELP = 0xFF6A;
    public static final int NUM_LOCK = 0xFF7F;
    public static final int KP_ENTER = 0xFF8D;
    public static final int KP_HOME = 0xFF95;
    public static final int KP_LEFT = 0xFF96;
    public static final int KP_UP = 0xFF97;
    public static final int KP_RIGHT = 0xFF98;
    public static final int KP_DOWN = 0xFF99;
    public static final int KP_MULTIPLY = 0xFFAA;
    public static final int KP_ADD = 0xFFAB;
    public static final int KP_SEPARATOR = 0xFFAC;
    public static final int KP_SUBTRACT = 0xFFAD;
    public static final int KP_DECIMAL = 0xFFAE;
    public static final int KP_DIVIDE = 0xFFAF;
    /** KP_0; KP_1 to KP_9 follow it. */
    public static final int KP_0 = 0xFFB0;
    public static final int DELETE = 0xFFFF;
    /** F1; the function keys follow it up to F35, see {@link #function(int)}. */
    public static final int F1 = 0xFFBE;
    public static final int SHIFT_L = 0xFFE1;
    public static final int SHIFT_R = 0xFFE2;
    public static final int CONTROL_L = 0xFFE3;
    public static final int CONTROL_R = 0xFFE4;
    public static final int CAPS_LOCK = 0xFFE5;
    public static final int META_L = 0xFFE7;
    public static final int ALT_L = 0xFFE9;
    public static final int ALT_R = 0xFFEA;
    public static final int SUPER_L = 0xFFEB;
    /** The key X11 layouts use for a key's third level (AltGr). */
    public static final int ISO_LEVEL3_SHIFT = 0xFE03;
    /** dead_grave; the other dead keys follow it in keysymdef.h order up to dead_semivoiced_sound (0xFE5F). */
    public static final int DEAD_GRAVE = 0xFE50;
    public static final int SPACE = 0x20;
    /** Unicode keysyms are this plus the code point (for characters beyond Latin-1). */
    public static final int UNICODE_BASE = 0x0100_0000;

    private Keysyms() {
    }

    /** The keysym of function key F{@code n} (1 to 35). */
    public static int function(int n) {
        if (n < 1 || n > 35) {
            throw new IllegalArgumentException("F" + n);
        }
        return F1 + n - 1;
    }

    /**
     * The keysym that types {@code codePoint}: Latin-1 characters are their own keysym, newline, tab and
     * backspace map to their keys, and other characters use X11's Unicode keysyms (0x01000000 + code point).
     *
     * @throws IllegalArgumentException for other control characters, which no key types
     */
    public static int forCodePoint(int codePoint) {
        switch (codePoint) {
            case '\n':
            case '\r':
                return RETURN;
            case '\t':
                return TAB;
            case '\b':
                return BACKSPACE;
            default:
                break;
        }
        if (codePoint >= 0x20 && codePoint <= 0x7E || codePoint >= 0xA0 && codePoint <= 0xFF) {
            return codePoint;
        }
        if (codePoint > 0xFF && codePoint <= 0x10FFFF && !Character.isISOControl(codePoint)) {
            return UNICODE_BASE + codePoint;
        }
        throw new IllegalArgumentException("no keysym types U+" + Integer.toHexString(codePoint));
    }
}
