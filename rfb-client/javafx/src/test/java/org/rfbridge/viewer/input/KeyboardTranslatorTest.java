// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class KeyboardTranslatorTest {
    private final List<String> sent = new ArrayList<>();
    private final KeyboardTranslator keys = new KeyboardTranslator(
            (keysym, down) -> sent.add((down ? "+" : "-") + Integer.toHexString(keysym)));

    @Test
    void characterKeySendsItsCharacterAndSwallowsTheTypedEcho() {
        keys.keyPressed(KeyCode.A, "a", false);
        keys.keyTyped("a");
        keys.keyReleased(KeyCode.A);
        assertEquals(List.of("+61", "-61"), sent);
    }

    @Test
    void releaseMatchesPressEvenWhenShiftWasLetGoFirst() {
        keys.keyPressed(KeyCode.SHIFT, "", false);
        keys.keyPressed(KeyCode.A, "A", false);
        keys.keyReleased(KeyCode.SHIFT);
        keys.keyReleased(KeyCode.A);
        assertEquals(List.of("+ffe1", "+41", "-ffe1", "-41"), sent);
    }

    @Test
    void controlLetterSendsTheLetterNotAControlCharacter() {
        keys.keyPressed(KeyCode.CONTROL, "", true);
        keys.keyPressed(KeyCode.C, "\u0003", true);
        keys.keyReleased(KeyCode.C);
        keys.keyReleased(KeyCode.CONTROL);
        assertEquals(List.of("+ffe3", "+63", "-63", "-ffe3"), sent);
    }

    @Test
    void altGrIsLevel3ShiftAndTheCharacterItMakesIsSent() {
        keys.keyPressed(KeyCode.ALT_GRAPH, "", false);
        keys.keyPressed(KeyCode.E, "\u20ac", false);
        keys.keyReleased(KeyCode.E);
        keys.keyReleased(KeyCode.ALT_GRAPH);
        assertEquals(List.of("+fe03", "+10020ac", "-10020ac", "-fe03"), sent);
    }

    @Test
    void enterSendsReturnOnceDespiteItsTypedCarriageReturn() {
        keys.keyPressed(KeyCode.ENTER, "\r", false);
        keys.keyTyped("\r");
        keys.keyReleased(KeyCode.ENTER);
        assertEquals(List.of("+ff0d", "-ff0d"), sent);
    }

    @Test
    void typedOnlyCharactersArePressedAndReleased() {
        keys.keyPressed(KeyCode.UNDEFINED, "", false);
        keys.keyTyped("\u00e9");
        keys.keyTyped("\u0416");
        assertEquals(List.of("+e9", "-e9", "+1000416", "-1000416"), sent);
    }

    @Test
    void deadKeyGoesToTheServerWhichComposesWithTheNextKey() {
        keys.keyPressed(KeyCode.DEAD_ACUTE, "", false);
        keys.keyReleased(KeyCode.DEAD_ACUTE);
        keys.keyPressed(KeyCode.E, "e", false);
        keys.keyTyped("\u00e9");
        keys.keyReleased(KeyCode.E);
        assertEquals(List.of("+fe51", "-fe51", "+65", "-65"), sent);
    }

    @Test
    void typedControlCharactersAreIgnored() {
        keys.keyTyped("\u0007");
        assertTrue(sent.isEmpty());
    }

    @Test
    void autoRepeatSendsRepeatedPressesAndOneRelease() {
        keys.keyPressed(KeyCode.DOWN, "", false);
        keys.keyPressed(KeyCode.DOWN, "", false);
        keys.keyReleased(KeyCode.DOWN);
        assertEquals(List.of("+ff54", "+ff54", "-ff54"), sent);
    }

    @Test
    void focusLossReleasesEverythingHeldInReverseOrder() {
        keys.keyPressed(KeyCode.CONTROL, "", true);
        keys.keyPressed(KeyCode.ALT, "", true);
        keys.keyPressed(KeyCode.F5, "", true);
        sent.clear();
        keys.releaseAll();
        assertEquals(List.of("-ffc2", "-ffe9", "-ffe3"), sent);
        assertEquals(0, keys.heldCount());
        sent.clear();
        assertFalse(keys.keyReleased(KeyCode.F5), "a release after focus loss sends nothing");
        assertTrue(sent.isEmpty());
    }

    @Test
    void numpadDigitsUseKeypadKeysyms() {
        keys.keyPressed(KeyCode.NUMPAD7, "7", false);
        keys.keyTyped("7");
        keys.keyReleased(KeyCode.NUMPAD7);
        assertEquals(List.of("+ffb7", "-ffb7"), sent);
    }

    @Test
    void releaseOfAKeyNeverPressedSendsNothing() {
        assertFalse(keys.keyReleased(KeyCode.Q));
        assertTrue(sent.isEmpty());
    }
}
