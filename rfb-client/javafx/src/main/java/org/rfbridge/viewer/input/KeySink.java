// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.input;

/** Where translated key events go (a session's KeyEvent writer, or a list in tests). */
@FunctionalInterface
public interface KeySink {
    /** Presses ({@code down}) or releases the key with X11 keysym {@code keysym}. */
    void key(int keysym, boolean down);

    /** The same, with the XT scancode of the physical key (0 when unknown), for servers that take scancodes. */
    default void key(int keysym, boolean down, int scancode) {
        key(keysym, down);
    }
}
