// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.input;

import java.util.List;
import org.rfbridge.rfb.protocol.Keysyms;

/**
 * Key combinations the local system would catch before the viewer sees them, sent from a menu instead: the
 * keys are pressed in order and released in reverse.
 */
public enum KeyCombo {
    CTRL_ALT_DEL("Ctrl+Alt+Del", Keysyms.CONTROL_L, Keysyms.ALT_L, Keysyms.DELETE),
    CTRL_ALT_BACKSPACE("Ctrl+Alt+Backspace", Keysyms.CONTROL_L, Keysyms.ALT_L, Keysyms.BACKSPACE),
    CTRL_ESC("Ctrl+Esc", Keysyms.CONTROL_L, Keysyms.ESCAPE),
    ALT_TAB("Alt+Tab", Keysyms.ALT_L, Keysyms.TAB),
    ALT_F4("Alt+F4", Keysyms.ALT_L, Keysyms.function(4)),
    SUPER("Super", Keysyms.SUPER_L),
    PRINT_SCREEN("Print Screen", Keysyms.PRINT),
    CTRL_ALT_F1("Ctrl+Alt+F1", Keysyms.CONTROL_L, Keysyms.ALT_L, Keysyms.F1),
    CTRL_ALT_F2("Ctrl+Alt+F2", Keysyms.CONTROL_L, Keysyms.ALT_L, Keysyms.function(2)),
    CTRL_ALT_F7("Ctrl+Alt+F7", Keysyms.CONTROL_L, Keysyms.ALT_L, Keysyms.function(7));

    private final String label;
    private final List<Integer> keysyms;

    KeyCombo(String label, Integer... keysyms) {
        this.label = label;
        this.keysyms = List.of(keysyms);
    }

    public String label() {
        return label;
    }

    /** The keysyms in press order. */
    public List<Integer> keysyms() {
        return keysyms;
    }

    /** Presses each key in order, then releases them in reverse. */
    public void send(KeySink sink) {
        for (int keysym : keysyms) {
            sink.key(keysym, true, XtScancodes.forKeysym(keysym));
        }
        for (int i = keysyms.size() - 1; i >= 0; i--) {
            sink.key(keysyms.get(i), false, XtScancodes.forKeysym(keysyms.get(i)));
        }
    }
}
