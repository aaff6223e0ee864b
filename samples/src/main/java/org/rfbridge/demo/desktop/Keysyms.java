// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

/**
 * The few X11 keysyms the demo desktop reacts to (values from the X Window System's keysymdef.h) and the
 * mapping of character keysyms to Latin-1 characters.
 */
final class Keysyms {

    static final int BACKSPACE = 0xFF08;
    static final int TAB = 0xFF09;
    static final int RETURN = 0xFF0D;
    static final int KEYPAD_ENTER = 0xFF8D;
    static final int KEYPAD_0 = 0xFFB0;
    static final int KEYPAD_9 = 0xFFB9;
    /** Keysyms from here on carry a Unicode code point in their low 24 bits. */
    private static final int UNICODE_BASE = 0x0100_0000;

    private Keysyms() {
    }

    /**
     * @return the printable Latin-1 character a keysym types, or -1 when it types none (function keys,
     *         modifiers, characters beyond Latin-1)
     */
    static int latin1Char(int keysym) {
        int code = keysym;
        if (keysym >= UNICODE_BASE && keysym <= UNICODE_BASE + 0xFF) {
            code = keysym - UNICODE_BASE;
        } else if (keysym >= KEYPAD_0 && keysym <= KEYPAD_9) {
            code = '0' + (keysym - KEYPAD_0);
        }
        if ((code >= 0x20 && code <= 0x7E) || (code >= 0xA0 && code <= 0xFF)) {
            return code;
        }
        return -1;
    }
}
