// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

/**
 * The few X11 keysyms the demo desktop reacts to (the core library's where it names them; the keypad ones
 * from the X Window System's keysymdef.h) and the mapping of character keysyms back to Latin-1 characters,
 * the server's direction, which the client-side core library does not need.
 */
final class Keysyms {

    static final int BACKSPACE = org.rfbridge.rfb.protocol.Keysyms.BACKSPACE;
    static final int RETURN = org.rfbridge.rfb.protocol.Keysyms.RETURN;
    static final int F2 = org.rfbridge.rfb.protocol.Keysyms.function(2);
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
