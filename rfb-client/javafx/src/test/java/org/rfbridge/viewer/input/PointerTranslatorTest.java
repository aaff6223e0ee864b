// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.rfb.protocol.PointerButtons;

@Timeout(10)
class PointerTranslatorTest {
    private final PointerTranslator pointer = new PointerTranslator();
    private final List<Integer> notches = new ArrayList<>();

    @Test
    void buttonsMapToX11Bits() {
        assertEquals(0, PointerTranslator.buttonMask(false, false, false, false));
        assertEquals(PointerButtons.LEFT, PointerTranslator.buttonMask(true, false, false, false));
        assertEquals(PointerButtons.MIDDLE, PointerTranslator.buttonMask(false, true, false, false));
        assertEquals(PointerButtons.RIGHT, PointerTranslator.buttonMask(false, false, true, false));
        assertEquals(PointerButtons.BUTTON_8, PointerTranslator.buttonMask(false, false, false, true));
        assertEquals(0b101, PointerTranslator.buttonMask(true, false, true, false));
    }

    @Test
    void oneWheelNotchEachWay() {
        pointer.scroll(0, 40, 40, 40, notches::add);
        pointer.scroll(0, -40, 40, 40, notches::add);
        pointer.scroll(40, 0, 40, 40, notches::add);
        pointer.scroll(-40, 0, 40, 40, notches::add);
        assertEquals(List.of(PointerButtons.WHEEL_UP, PointerButtons.WHEEL_DOWN, PointerButtons.WHEEL_LEFT,
                PointerButtons.WHEEL_RIGHT), notches);
    }

    @Test
    void smallTouchpadDeltasAddUpToWholeNotches() {
        for (int i = 0; i < 7; i++) {
            pointer.scroll(0, -10, 40, 40, notches::add);
        }
        assertEquals(List.of(PointerButtons.WHEEL_DOWN), notches);
    }

    @Test
    void hugeDeltasAreBounded() {
        assertEquals(20, pointer.scroll(0, 1e9, 40, 40, notches::add));
        notches.clear();
        pointer.scroll(0, 39, 40, 40, notches::add);
        assertEquals(List.of(), notches, "the excess of a huge delta is dropped, not carried over");
    }

    @Test
    void severalNotchesInOneEvent() {
        assertEquals(3, pointer.scroll(0, 120, 40, 40, notches::add));
    }
}
