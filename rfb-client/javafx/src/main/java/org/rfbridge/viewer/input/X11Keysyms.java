// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.input;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.input.KeyCode;

/**
 * The keysyms of keys that type no character (X11 keysymdef.h values), keyed by JavaFX key code. Written by
 * hand from the X11 names; {@code X11KeysymsTest} checks each against its documented value.
 *
 * <p>JavaFX does not tell a left modifier from a right one, so modifiers map to their left keysym; AltGr has its
 * own key code and maps to ISO_Level3_Shift, the key X11 layouts use for the third level.
 */
public final class X11Keysyms {
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
    public static final int KP_0 = 0xFFB0;
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
    public static final int ISO_LEVEL3_SHIFT = 0xFE03;
    /** dead_grave; the other dead keys follow it in keysymdef.h order up to dead_semivoiced_sound (0xFE5F). */
    public static final int DEAD_GRAVE = 0xFE50;
    public static final int DELETE = 0xFFFF;
    /** Unicode keysyms are this plus the code point (for characters beyond Latin-1). */
    public static final int UNICODE_BASE = 0x0100_0000;

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
            return UNICODE_BASE + codePoint;
        }
        return -1;
    }

    private static Map<KeyCode, Integer> buildTable() {
        Map<KeyCode, Integer> t = new EnumMap<>(KeyCode.class);
        t.put(KeyCode.BACK_SPACE, BACKSPACE);
        t.put(KeyCode.TAB, TAB);
        t.put(KeyCode.ENTER, RETURN);
        t.put(KeyCode.PAUSE, PAUSE);
        t.put(KeyCode.SCROLL_LOCK, SCROLL_LOCK);
        t.put(KeyCode.ESCAPE, ESCAPE);
        t.put(KeyCode.HOME, HOME);
        t.put(KeyCode.LEFT, LEFT);
        t.put(KeyCode.UP, UP);
        t.put(KeyCode.RIGHT, RIGHT);
        t.put(KeyCode.DOWN, DOWN);
        t.put(KeyCode.PAGE_UP, PAGE_UP);
        t.put(KeyCode.PAGE_DOWN, PAGE_DOWN);
        t.put(KeyCode.END, END);
        t.put(KeyCode.BEGIN, BEGIN);
        t.put(KeyCode.PRINTSCREEN, PRINT);
        t.put(KeyCode.INSERT, INSERT);
        t.put(KeyCode.UNDO, UNDO);
        t.put(KeyCode.CONTEXT_MENU, MENU);
        t.put(KeyCode.FIND, FIND);
        t.put(KeyCode.CANCEL, CANCEL);
        t.put(KeyCode.HELP, HELP);
        t.put(KeyCode.NUM_LOCK, NUM_LOCK);
        t.put(KeyCode.DELETE, DELETE);
        t.put(KeyCode.KP_LEFT, KP_LEFT);
        t.put(KeyCode.KP_UP, KP_UP);
        t.put(KeyCode.KP_RIGHT, KP_RIGHT);
        t.put(KeyCode.KP_DOWN, KP_DOWN);
        t.put(KeyCode.MULTIPLY, KP_MULTIPLY);
        t.put(KeyCode.ADD, KP_ADD);
        t.put(KeyCode.SEPARATOR, KP_SEPARATOR);
        t.put(KeyCode.SUBTRACT, KP_SUBTRACT);
        t.put(KeyCode.DECIMAL, KP_DECIMAL);
        t.put(KeyCode.DIVIDE, KP_DIVIDE);
        KeyCode[] numpad = {KeyCode.NUMPAD0, KeyCode.NUMPAD1, KeyCode.NUMPAD2, KeyCode.NUMPAD3, KeyCode.NUMPAD4,
            KeyCode.NUMPAD5, KeyCode.NUMPAD6, KeyCode.NUMPAD7, KeyCode.NUMPAD8, KeyCode.NUMPAD9};
        for (int i = 0; i < numpad.length; i++) {
            t.put(numpad[i], KP_0 + i);
        }
        KeyCode[] functions = {KeyCode.F1, KeyCode.F2, KeyCode.F3, KeyCode.F4, KeyCode.F5, KeyCode.F6, KeyCode.F7,
            KeyCode.F8, KeyCode.F9, KeyCode.F10, KeyCode.F11, KeyCode.F12, KeyCode.F13, KeyCode.F14, KeyCode.F15,
            KeyCode.F16, KeyCode.F17, KeyCode.F18, KeyCode.F19, KeyCode.F20, KeyCode.F21, KeyCode.F22, KeyCode.F23,
            KeyCode.F24};
        for (int i = 0; i < functions.length; i++) {
            t.put(functions[i], F1 + i);
        }
        // Dead keys go to the server as dead keysyms, so that its keyboard layout composes them with the next key.
        KeyCode[] dead = {KeyCode.DEAD_GRAVE, KeyCode.DEAD_ACUTE, KeyCode.DEAD_CIRCUMFLEX, KeyCode.DEAD_TILDE,
            KeyCode.DEAD_MACRON, KeyCode.DEAD_BREVE, KeyCode.DEAD_ABOVEDOT, KeyCode.DEAD_DIAERESIS,
            KeyCode.DEAD_ABOVERING, KeyCode.DEAD_DOUBLEACUTE, KeyCode.DEAD_CARON, KeyCode.DEAD_CEDILLA,
            KeyCode.DEAD_OGONEK, KeyCode.DEAD_IOTA, KeyCode.DEAD_VOICED_SOUND, KeyCode.DEAD_SEMIVOICED_SOUND};
        for (int i = 0; i < dead.length; i++) {
            t.put(dead[i], DEAD_GRAVE + i);
        }
        t.put(KeyCode.SHIFT, SHIFT_L);
        t.put(KeyCode.CONTROL, CONTROL_L);
        t.put(KeyCode.CAPS, CAPS_LOCK);
        t.put(KeyCode.ALT, ALT_L);
        t.put(KeyCode.ALT_GRAPH, ISO_LEVEL3_SHIFT);
        t.put(KeyCode.META, META_L);
        t.put(KeyCode.WINDOWS, SUPER_L);
        t.put(KeyCode.COMMAND, SUPER_L);
        return t;
    }
}
