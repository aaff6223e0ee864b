// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BitmapFontTest {

    private final BitmapFont font = BitmapFont.standard();

    @Test
    void coversAsciiAndEveryLatin1Letter() {
        for (char c = 0x20; c < 0x7F; c++) {
            assertTrue(font.canDisplay(c), "ASCII " + c);
        }
        for (char c = 0xA0; c <= 0xFF; c++) {
            if (Character.isLetter(c)) {
                assertTrue(font.canDisplay(c), "Latin-1 letter " + c);
            }
        }
    }

    @Test
    void printableAsciiGlyphsAreAllDifferent() {
        Set<String> seen = new HashSet<>();
        for (char c = 0x21; c < 0x7F; c++) {
            assertTrue(seen.add(Arrays.toString(font.glyph(c))), "glyph of " + c + " duplicates another");
        }
    }

    @Test
    void accentedLettersAreTheirBaseWithAMark() {
        int[] e = font.glyph('e');
        int[] eAcute = font.glyph('\u00e9');
        assertNotEquals(Arrays.toString(e), Arrays.toString(eAcute));
        for (int row = 4; row < e.length; row++) {
            assertTrue((eAcute[row] & e[row]) == e[row], "the base letter is kept in row " + row);
        }
        assertFalse(Arrays.toString(font.glyph('\u00ed')).equals(Arrays.toString(font.glyph('i'))));
    }

    @Test
    void unknownCharactersDrawAsABox() {
        assertFalse(font.canDisplay('\u4e2d'));
        assertArrayEquals(font.glyph('\u4e2d'), font.glyph('\u20ac'));
    }
}
