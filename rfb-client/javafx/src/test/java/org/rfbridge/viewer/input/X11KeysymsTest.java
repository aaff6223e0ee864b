// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class X11KeysymsTest {
    // Expected values typed from X11's keysymdef.h names, independently of the table under test.
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "BACK_SPACE, 0xFF08", "TAB, 0xFF09", "ENTER, 0xFF0D", "ESCAPE, 0xFF1B", "DELETE, 0xFFFF",
        "HOME, 0xFF50", "LEFT, 0xFF51", "UP, 0xFF52", "RIGHT, 0xFF53", "DOWN, 0xFF54", "PAGE_UP, 0xFF55",
        "PAGE_DOWN, 0xFF56", "END, 0xFF57", "INSERT, 0xFF63", "PRINTSCREEN, 0xFF61", "PAUSE, 0xFF13",
        "SCROLL_LOCK, 0xFF14", "NUM_LOCK, 0xFF7F", "CAPS, 0xFFE5", "CONTEXT_MENU, 0xFF67",
        "F1, 0xFFBE", "F2, 0xFFBF", "F10, 0xFFC7", "F12, 0xFFC9", "F24, 0xFFD5",
        "NUMPAD0, 0xFFB0", "NUMPAD5, 0xFFB5", "NUMPAD9, 0xFFB9", "MULTIPLY, 0xFFAA", "ADD, 0xFFAB",
        "SUBTRACT, 0xFFAD", "DECIMAL, 0xFFAE", "DIVIDE, 0xFFAF", "KP_UP, 0xFF97", "KP_LEFT, 0xFF96",
        "SHIFT, 0xFFE1", "CONTROL, 0xFFE3", "ALT, 0xFFE9", "ALT_GRAPH, 0xFE03", "WINDOWS, 0xFFEB",
        "META, 0xFFE7", "DEAD_GRAVE, 0xFE50", "DEAD_ACUTE, 0xFE51", "DEAD_CIRCUMFLEX, 0xFE52",
        "DEAD_TILDE, 0xFE53", "DEAD_DIAERESIS, 0xFE57", "DEAD_CEDILLA, 0xFE5B", "DEAD_SEMIVOICED_SOUND, 0xFE5F",
    })
    void nonCharacterKeysMapToTheirKeysyms(KeyCode code, String expected) {
        assertEquals(Integer.decode(expected), X11Keysyms.forNonCharacterKey(code));
    }

    @ParameterizedTest(name = "{0} types no keysym by itself")
    @CsvSource({"A", "DIGIT1", "SPACE", "UNDEFINED", "COMMA"})
    void characterKeysAreNotInTheTable(KeyCode code) {
        assertEquals(-1, X11Keysyms.forNonCharacterKey(code));
    }

    @Test
    void latin1CharactersAreTheirOwnKeysym() {
        assertEquals('a', X11Keysyms.forCharacter('a'));
        assertEquals('~', X11Keysyms.forCharacter('~'));
        assertEquals(0xE9, X11Keysyms.forCharacter('\u00e9'));
        assertEquals(0xA0, X11Keysyms.forCharacter('\u00a0'));
    }

    @Test
    void otherCharactersUseUnicodeKeysyms() {
        assertEquals(0x010020AC, X11Keysyms.forCharacter('\u20ac'));
        assertEquals(0x01000416, X11Keysyms.forCharacter('\u0416'));
        assertEquals(0x0101F600, X11Keysyms.forCharacter(0x1F600));
    }

    @Test
    void controlCharactersHaveNoKeysym() {
        assertEquals(-1, X11Keysyms.forCharacter(0x03));
        assertEquals(-1, X11Keysyms.forCharacter(0x7F));
        assertEquals(-1, X11Keysyms.forCharacter(0x85));
        assertEquals(-1, X11Keysyms.forCharacter(0xD800));
    }
}
