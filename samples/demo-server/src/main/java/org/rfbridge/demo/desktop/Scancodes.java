// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

import java.util.HashMap;
import java.util.Map;

/**
 * XT scancodes in QEMU's one-byte form (a key sent with the {@code E0} prefix is {@code 0x80} or'ed with its
 * second byte), with the key's name as the W3C UI Events "code" values spell them and the keysym the key
 * types unshifted on a US layout. Only the keys a demo needs: letters, digits, the usual punctuation,
 * editing and navigation keys, function keys, modifiers and the lock keys.
 */
final class Scancodes {

    private record Key(String name, int keysym) {
    }

    private static final Map<Integer, Key> KEYS = new HashMap<>();

    static {
        key(0x01, "Escape", 0xFF1B);
        String digits = "1234567890";
        for (int i = 0; i < digits.length(); i++) {
            key(0x02 + i, "Digit" + digits.charAt(i), digits.charAt(i));
        }
        key(0x0C, "Minus", '-');
        key(0x0D, "Equal", '=');
        key(0x0E, "Backspace", 0xFF08);
        key(0x0F, "Tab", 0xFF09);
        row(0x10, "qwertyuiop");
        key(0x1A, "BracketLeft", '[');
        key(0x1B, "BracketRight", ']');
        key(0x1C, "Enter", 0xFF0D);
        key(0x1D, "ControlLeft", 0xFFE3);
        row(0x1E, "asdfghjkl");
        key(0x27, "Semicolon", ';');
        key(0x28, "Quote", '\'');
        key(0x29, "Backquote", '`');
        key(0x2A, "ShiftLeft", 0xFFE1);
        key(0x2B, "Backslash", '\\');
        row(0x2C, "zxcvbnm");
        key(0x33, "Comma", ',');
        key(0x34, "Period", '.');
        key(0x35, "Slash", '/');
        key(0x36, "ShiftRight", 0xFFE2);
        key(0x38, "AltLeft", 0xFFE9);
        key(0x39, "Space", ' ');
        key(0x3A, "CapsLock", LockKeys.CAPS_LOCK_KEYSYM);
        for (int i = 0; i < 10; i++) {
            key(0x3B + i, "F" + (i + 1), 0xFFBE + i);
        }
        key(0x45, "NumLock", LockKeys.NUM_LOCK_KEYSYM);
        key(0x46, "ScrollLock", LockKeys.SCROLL_LOCK_KEYSYM);
        key(0x57, "F11", 0xFFC8);
        key(0x58, "F12", 0xFFC9);
        key(0x9C, "NumpadEnter", 0xFF8D);
        key(0x9D, "ControlRight", 0xFFE4);
        key(0xB8, "AltRight", 0xFFEA);
        key(0xC7, "Home", 0xFF50);
        key(0xC8, "ArrowUp", 0xFF52);
        key(0xC9, "PageUp", 0xFF55);
        key(0xCB, "ArrowLeft", 0xFF51);
        key(0xCD, "ArrowRight", 0xFF53);
        key(0xCF, "End", 0xFF57);
        key(0xD0, "ArrowDown", 0xFF54);
        key(0xD1, "PageDown", 0xFF56);
        key(0xD2, "Insert", 0xFF63);
        key(0xD3, "Delete", 0xFFFF);
    }

    private Scancodes() {
    }

    private static void key(int scancode, String name, int keysym) {
        KEYS.put(scancode, new Key(name, keysym));
    }

    /** Letter keys in a row of the keyboard have consecutive scancodes. */
    private static void row(int first, String letters) {
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            key(first + i, "Key" + Character.toUpperCase(c), c);
        }
    }

    /** For example {@code "KeyA"} for {@code 0x1e}, or {@code "unknown"}. */
    static String name(int scancode) {
        Key key = KEYS.get(scancode);
        return key == null ? "unknown" : key.name();
    }

    /** The keysym the key types without Shift on a US layout, or 0 for a key not in the table. */
    static int keysym(int scancode) {
        Key key = KEYS.get(scancode);
        return key == null ? 0 : key.keysym();
    }
}
