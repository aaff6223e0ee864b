// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.input;

/**
 * Where each printable ASCII character is on a US PC keyboard: its key's XT scancode and whether Shift is needed.
 * Typing text into a server that has no clipboard (a VM's firmware or installer) needs both: QEMU turns a keysym
 * into a key by its own keymap without pressing Shift itself, so an "A" typed without Shift arrives as "a".
 */
public final class UsLayout {
    /** A key to press: {@code scancode} 0 when the character has no key here. */
    public record Key(int scancode, boolean shift) {
    }

    private static final String[] ROWS = {
        "1234567890-=", "!@#$%^&*()_+", // scancodes 0x02..0x0d
        "qwertyuiop[]", "QWERTYUIOP{}", // 0x10..0x1b
        "asdfghjkl;'`", "ASDFGHJKL:\"~", // 0x1e..0x29
        "\\zxcvbnm,./", "|ZXCVBNM<>?", // 0x2b..0x35
    };
    private static final int[] FIRST_SCANCODE = {0x02, 0x10, 0x1e, 0x2b};
    private static final Key NONE = new Key(0, false);

    private UsLayout() {
    }

    /** The key that types {@code codePoint}, or a key with scancode 0. */
    public static Key keyFor(int codePoint) {
        switch (codePoint) {
            case ' ':
                return new Key(0x39, false);
            case '\n':
                return new Key(0x1c, false);
            case '\t':
                return new Key(0x0f, false);
            default:
                break;
        }
        for (int row = 0; row < FIRST_SCANCODE.length; row++) {
            for (int shifted = 0; shifted < 2; shifted++) {
                int at = ROWS[row * 2 + shifted].indexOf(codePoint);
                if (at >= 0) {
                    return new Key(FIRST_SCANCODE[row] + at, shifted == 1);
                }
            }
        }
        return NONE;
    }
}
