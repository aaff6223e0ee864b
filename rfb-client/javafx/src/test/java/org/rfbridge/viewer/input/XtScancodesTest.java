// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class XtScancodesTest {
    @Test
    void keysWhosePlaceTheCodeTellsHaveTheirScancodesInQemusForm() {
        assertEquals(0x01, XtScancodes.forKeyCode(KeyCode.ESCAPE));
        assertEquals(0x58, XtScancodes.forKeyCode(KeyCode.F12));
        assertEquals(0xc8, XtScancodes.forKeyCode(KeyCode.UP), "an e0-prefixed key has bit 7 set");
        assertEquals(0xb5, XtScancodes.forKeyCode(KeyCode.DIVIDE));
        assertEquals(0x4f, XtScancodes.forKeyCode(KeyCode.NUMPAD1));
    }

    @Test
    void characterKeysHaveNoneSinceTheirCodesFollowTheLocalLayout() {
        assertEquals(0, XtScancodes.forKeyCode(KeyCode.A));
        assertEquals(0, XtScancodes.forKeyCode(KeyCode.DIGIT1));
        assertEquals(0, XtScancodes.forKeyCode(KeyCode.SEMICOLON));
    }

    @Test
    void theTranslatorPassesTheScancodeWithPressAndRelease() {
        List<String> sent = new ArrayList<>();
        KeyboardTranslator translator = new KeyboardTranslator(new KeySink() {
            @Override
            public void key(int keysym, boolean down) {
                sent.add(Integer.toHexString(keysym) + (down ? " down" : " up"));
            }

            @Override
            public void key(int keysym, boolean down, int scancode) {
                sent.add(Integer.toHexString(keysym) + (down ? " down " : " up ") + Integer.toHexString(scancode));
            }
        });
        translator.keyPressed(KeyCode.LEFT, "", false);
        translator.keyPressed(KeyCode.Q, "q", false);
        translator.keyReleased(KeyCode.Q);
        translator.releaseAll();
        assertEquals(List.of("ff51 down cb", "71 down 0", "71 up 0", "ff51 up cb"), sent);
        KeyCombo.CTRL_ALT_DEL.send(new KeySink() {
            @Override
            public void key(int keysym, boolean down) {
                throw new AssertionError("a combination goes with scancodes");
            }

            @Override
            public void key(int keysym, boolean down, int scancode) {
                sent.add(Integer.toHexString(scancode));
            }
        });
        assertEquals(List.of("1d", "38", "d3", "d3", "38", "1d"), sent.subList(4, 10));
    }
}
