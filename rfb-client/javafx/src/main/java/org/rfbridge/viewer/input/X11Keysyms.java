// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.input;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.input.KeyCode;
import org.rfbridge.rfb.protocol.Keysyms;

/**
 * The keysyms of keys that type no character, keyed by JavaFX key code; the numbers are core's
 * {@link Keysyms}. {@code X11KeysymsTest} checks each against its documented value.
 *
 * <p>JavaFX does not tell a left modifier from a right one, so modifiers map to their left keysym; AltGr has its
 * own key code and maps to ISO_Level3_Shift, the key X11 layouts use for the third level.
 */
public final class X11Keysyms {
    private static final Map<KeyCode, Integer> NON_CHARACTER_KEYS = buildTable();

    private X11Keysyms() {
    }

    /** The keysym of {@code code} when it is a key that types no character, or -1. */
    public static int forNonCharacterKey(KeyCode code) {
        Integer keysym = NON_CHARACTER_KEYS.get(code);
        return keysym == null ? -1 : keysym;
    }

    /** The keysym that types {@code codePoint}: Latin-1 as itself, others in the Unicode range; -1 for controls. */
    public static int forCharacter(int codePoint) {
        if (codePoint >= 0x20 && codePoint <= 0x7E || codePoint >= 0xA0 && codePoint <= 0xFF) {
            return codePoint;
        }
        if (codePoint > 0xFF && codePoint <= 0x10FFFF && !Character.isISOControl(codePoint)
                && !Character.isSurrogate((char) Math.min(codePoint, 0xFFFF))) {
            return Keysyms.UNICODE_BASE + codePoint;
        }
        return -1;
    }

    private static Map<KeyCode, Integer> buildTable() {
        Map<KeyCode, Integer> t = new EnumMap<>(KeyCode.class);
        t.put(KeyCode.BACK_SPACE, Keysyms.BACKSPACE);
        t.put(KeyCode.TAB, Keysyms.TAB);
        t.put(KeyCode.ENTER, Keysyms.RETURN);
        t.put(KeyCode.PAUSE, Keysyms.PAUSE);
        t.put(KeyCode.SCROLL_LOCK, Keysyms.SCROLL_LOCK);
        t.put(KeyCode.ESCAPE, Keysyms.ESCAPE);
        t.put(KeyCode.HOME, Keysyms.HOME);
        t.put(KeyCode.LEFT, Keysyms.LEFT);
        t.put(KeyCode.UP, Keysyms.UP);
        t.put(KeyCode.RIGHT, Keysyms.RIGHT);
        t.put(KeyCode.DOWN, Keysyms.DOWN);
        t.put(KeyCode.PAGE_UP, Keysyms.PAGE_UP);
        t.put(KeyCode.PAGE_DOWN, Keysyms.PAGE_DOWN);
        t.put(KeyCode.END, Keysyms.END);
        t.put(KeyCode.BEGIN, Keysyms.BEGIN);
        t.put(KeyCode.PRINTSCREEN, Keysyms.PRINT);
        t.put(KeyCode.INSERT, Keysyms.INSERT);
        t.put(KeyCode.UNDO, Keysyms.UNDO);
        t.put(KeyCode.CONTEXT_MENU, Keysyms.MENU);
        t.put(KeyCode.FIND, Keysyms.FIND);
        t.put(KeyCode.CANCEL, Keysyms.CANCEL);
        t.put(KeyCode.HELP, Keysyms.HELP);
        t.put(KeyCode.NUM_LOCK, Keysyms.NUM_LOCK);
        t.put(KeyCode.DELETE, Keysyms.DELETE);
        t.put(KeyCode.KP_LEFT, Keysyms.KP_LEFT);
        t.put(KeyCode.KP_UP, Keysyms.KP_UP);
        t.put(KeyCode.KP_RIGHT, Keysyms.KP_RIGHT);
        t.put(KeyCode.KP_DOWN, Keysyms.KP_DOWN);
        t.put(KeyCode.MULTIPLY, Keysyms.KP_MULTIPLY);
        t.put(KeyCode.ADD, Keysyms.KP_ADD);
        t.put(KeyCode.SEPARATOR, Keysyms.KP_SEPARATOR);
        t.put(KeyCode.SUBTRACT, Keysyms.KP_SUBTRACT);
        t.put(KeyCode.DECIMAL, Keysyms.KP_DECIMAL);
        t.put(KeyCode.DIVIDE, Keysyms.KP_DIVIDE);
        KeyCode[] numpad = {KeyCode.NUMPAD0, KeyCode.NUMPAD1, KeyCode.NUMPAD2, KeyCode.NUMPAD3, KeyCode.NUMPAD4,
            KeyCode.NUMPAD5, KeyCode.NUMPAD6, KeyCode.NUMPAD7, KeyCode.NUMPAD8, KeyCode.NUMPAD9};
        for (int i = 0; i < numpad.length; i++) {
            t.put(numpad[i], Keysyms.KP_0 + i);
        }
        KeyCode[] functions = {KeyCode.F1, KeyCode.F2, KeyCode.F3, KeyCode.F4, KeyCode.F5, KeyCode.F6, KeyCode.F7,
            KeyCode.F8, KeyCode.F9, KeyCode.F10, KeyCode.F11, KeyCode.F12, KeyCode.F13, KeyCode.F14, KeyCode.F15,
            KeyCode.F16, KeyCode.F17, KeyCode.F18, KeyCode.F19, KeyCode.F20, KeyCode.F21, KeyCode.F22, KeyCode.F23,
            KeyCode.F24};
        for (int i = 0; i < functions.length; i++) {
            t.put(functions[i], Keysyms.F1 + i);
        }
        // Dead keys go to the server as dead keysyms, so that its keyboard layout composes them with the next key.
        KeyCode[] dead = {KeyCode.DEAD_GRAVE, KeyCode.DEAD_ACUTE, KeyCode.DEAD_CIRCUMFLEX, KeyCode.DEAD_TILDE,
            KeyCode.DEAD_MACRON, KeyCode.DEAD_BREVE, KeyCode.DEAD_ABOVEDOT, KeyCode.DEAD_DIAERESIS,
            KeyCode.DEAD_ABOVERING, KeyCode.DEAD_DOUBLEACUTE, KeyCode.DEAD_CARON, KeyCode.DEAD_CEDILLA,
            KeyCode.DEAD_OGONEK, KeyCode.DEAD_IOTA, KeyCode.DEAD_VOICED_SOUND, KeyCode.DEAD_SEMIVOICED_SOUND};
        for (int i = 0; i < dead.length; i++) {
            t.put(dead[i], Keysyms.DEAD_GRAVE + i);
        }
        t.put(KeyCode.SHIFT, Keysyms.SHIFT_L);
        t.put(KeyCode.CONTROL, Keysyms.CONTROL_L);
        t.put(KeyCode.CAPS, Keysyms.CAPS_LOCK);
        t.put(KeyCode.ALT, Keysyms.ALT_L);
        t.put(KeyCode.ALT_GRAPH, Keysyms.ISO_LEVEL3_SHIFT);
        t.put(KeyCode.META, Keysyms.META_L);
        t.put(KeyCode.WINDOWS, Keysyms.SUPER_L);
        t.put(KeyCode.COMMAND, Keysyms.SUPER_L);
        return t;
    }
}
