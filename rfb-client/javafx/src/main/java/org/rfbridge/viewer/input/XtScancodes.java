// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.input;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.input.KeyCode;

/**
 * The XT scancode (QEMU's form: an {@code e0}-prefixed key is {@code 0x80} or'ed with its second byte) of the
 * keys whose JavaFX key code says where they are. JavaFX gives no hardware code, and its codes for character keys
 * follow the local layout (on a French keyboard the key left of Z reports Q), so those get none: they go by keysym
 * and the server's keymap, which is what a wrong scancode would break. Control, Shift and Alt have one code for
 * both sides; they are sent as the left ones.
 */
public final class XtScancodes {
    private static final Map<KeyCode, Integer> CODES = new EnumMap<>(KeyCode.class);
    private static final Map<Integer, Integer> BY_KEYSYM = new java.util.HashMap<>();

    static {
        put(KeyCode.ESCAPE, 0x01);
        int[] functionKeys = {0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x41, 0x42, 0x43, 0x44, 0x57, 0x58};
        KeyCode[] f = {KeyCode.F1, KeyCode.F2, KeyCode.F3, KeyCode.F4, KeyCode.F5, KeyCode.F6, KeyCode.F7, KeyCode.F8,
            KeyCode.F9, KeyCode.F10, KeyCode.F11, KeyCode.F12};
        for (int i = 0; i < f.length; i++) {
            put(f[i], functionKeys[i]);
        }
        put(KeyCode.BACK_SPACE, 0x0e);
        put(KeyCode.TAB, 0x0f);
        put(KeyCode.ENTER, 0x1c);
        put(KeyCode.CONTROL, 0x1d);
        put(KeyCode.SHIFT, 0x2a);
        put(KeyCode.ALT, 0x38);
        put(KeyCode.SPACE, 0x39);
        put(KeyCode.CAPS, 0x3a);
        put(KeyCode.NUM_LOCK, 0x45);
        put(KeyCode.SCROLL_LOCK, 0x46);
        put(KeyCode.ALT_GRAPH, 0xb8);
        put(KeyCode.WINDOWS, 0xdb);
        put(KeyCode.META, 0xdb);
        put(KeyCode.CONTEXT_MENU, 0xdd);
        put(KeyCode.PRINTSCREEN, 0xb7);
        put(KeyCode.PAUSE, 0xc6);
        put(KeyCode.INSERT, 0xd2);
        put(KeyCode.DELETE, 0xd3);
        put(KeyCode.HOME, 0xc7);
        put(KeyCode.END, 0xcf);
        put(KeyCode.PAGE_UP, 0xc9);
        put(KeyCode.PAGE_DOWN, 0xd1);
        put(KeyCode.UP, 0xc8);
        put(KeyCode.DOWN, 0xd0);
        put(KeyCode.LEFT, 0xcb);
        put(KeyCode.RIGHT, 0xcd);
        int[] keypad = {0x52, 0x4f, 0x50, 0x51, 0x4b, 0x4c, 0x4d, 0x47, 0x48, 0x49};
        KeyCode[] digits = {KeyCode.NUMPAD0, KeyCode.NUMPAD1, KeyCode.NUMPAD2, KeyCode.NUMPAD3, KeyCode.NUMPAD4,
            KeyCode.NUMPAD5, KeyCode.NUMPAD6, KeyCode.NUMPAD7, KeyCode.NUMPAD8, KeyCode.NUMPAD9};
        for (int i = 0; i < digits.length; i++) {
            put(digits[i], keypad[i]);
        }
        put(KeyCode.MULTIPLY, 0x37);
        put(KeyCode.ADD, 0x4e);
        put(KeyCode.SUBTRACT, 0x4a);
        put(KeyCode.DECIMAL, 0x53);
        put(KeyCode.DIVIDE, 0xb5);
        put(KeyCode.KP_UP, 0x48);
        put(KeyCode.KP_DOWN, 0x50);
        put(KeyCode.KP_LEFT, 0x4b);
        put(KeyCode.KP_RIGHT, 0x4d);
        CODES.forEach((code, scancode) -> {
            int keysym = X11Keysyms.forNonCharacterKey(code);
            if (keysym >= 0) {
                BY_KEYSYM.putIfAbsent(keysym, scancode);
            }
        });
    }

    private XtScancodes() {
    }

    private static void put(KeyCode code, int scancode) {
        CODES.put(code, scancode);
    }

    /** The scancode of the key that sends {@code keysym} (a key combination's), or 0. */
    public static int forKeysym(int keysym) {
        return BY_KEYSYM.getOrDefault(keysym, 0);
    }

    /** The key's scancode, or 0 for keys whose position JavaFX does not tell. */
    public static int forKeyCode(KeyCode code) {
        return CODES.getOrDefault(code, 0);
    }
}
