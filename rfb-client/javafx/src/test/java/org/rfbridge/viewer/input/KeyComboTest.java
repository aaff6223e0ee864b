// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class KeyComboTest {
    @Test
    void ctrlAltDelPressesInOrderAndReleasesInReverse() {
        List<String> sent = new ArrayList<>();
        KeyCombo.CTRL_ALT_DEL.send((keysym, down) -> sent.add((down ? "+" : "-") + Integer.toHexString(keysym)));
        assertEquals(List.of("+ffe3", "+ffe9", "+ffff", "-ffff", "-ffe9", "-ffe3"), sent);
    }

    @Test
    void altF4UsesF4() {
        assertEquals(List.of(0xFFE9, 0xFFC1), KeyCombo.ALT_F4.keysyms());
    }
}
