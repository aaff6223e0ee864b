// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.input;

import java.util.List;

/**
 * Key combinations the local system would catch before the viewer sees them, sent from a menu instead: the
 * keys are pressed in order and released in reverse.
 */
public enum KeyCombo {
    CTRL_ALT_DEL("Ctrl+Alt+Del", X11Keysyms.CONTROL_L, X11Keysyms.ALT_L, X11Keysyms.DELETE),
    CTRL_ALT_BACKSPACE("Ctrl+Alt+Backspace", X11Keysyms.CONTROL_L, X11Keysyms.ALT_L, X11Keysyms.BACKSPACE),
    CTRL_ESC("Ctrl+Esc", X11Keysyms.CONTROL_L, X11Keysyms.ESCAPE),
    ALT_TAB("Alt+Tab", X11Keysyms.ALT_L, X11Keysyms.TAB),
    ALT_F4("Alt+F4", X11Keysyms.ALT_L, X11Keysyms.F1 + 3),
    SUPER("Super", X11Keysyms.SUPER_L),
    PRINT_SCREEN("Print Screen", X11Keysyms.PRINT),
    CTRL_ALT_F1("Ctrl+Alt+F1", X11Keysyms.CONTROL_L, X11Keysyms.ALT_L, X11Keysyms.F1),
    CTRL_ALT_F2("Ctrl+Alt+F2", X11Keysyms.CONTROL_L, X11Keysyms.ALT_L, X11Keysyms.F1 + 1),
    CTRL_ALT_F7("Ctrl+Alt+F7", X11Keysyms.CONTROL_L, X11Keysyms.ALT_L, X11Keysyms.F1 + 6);

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
            sink.key(keysym, true);
        }
        for (int i = keysyms.size() - 1; i >= 0; i--) {
            sink.key(keysyms.get(i), false);
        }
    }
}
