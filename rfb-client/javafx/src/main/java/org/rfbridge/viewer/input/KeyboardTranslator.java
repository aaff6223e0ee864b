// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.input;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.input.KeyCode;

/**
 * Turns JavaFX key events into RFB key presses and releases, remembering which keysym each held key was sent
 * as so that its release matches its press even if the modifiers changed in between (press Shift+a, release
 * Shift, release a: the server sees "A" go up, not "a").
 *
 * <p>Keys that type nothing map through {@link X11Keysyms}; keys that type a character send that character's
 * keysym on KEY_PRESSED and suppress the KEY_TYPED that follows. Characters that arrive only as KEY_TYPED (dead
 * keys, input methods, synthesized events) are typed as a press and release.
 *
 * <p>Not thread-safe: used on the JavaFX application thread only.
 */
public final class KeyboardTranslator {
    private final KeySink sink;
    private final Map<KeyCode, Integer> held = new EnumMap<>(KeyCode.class);
    private boolean swallowNextTyped;

    public KeyboardTranslator(KeySink sink) {
        this.sink = sink;
    }

    /**
     * A key went down (or repeats).
     *
     * @param code        the event's key code
     * @param text        the event's text (the character the key types with the current modifiers), may be empty
     * @param controlDown whether Control is held (its text is then often a control character)
     * @return whether a key press was sent
     */
    public boolean keyPressed(KeyCode code, String text, boolean controlDown) {
        swallowNextTyped = false;
        int keysym = X11Keysyms.forNonCharacterKey(code);
        if (keysym < 0) {
            keysym = characterKeysym(code, text, controlDown);
        }
        if (keysym < 0) {
            return false;
        }
        Integer earlier = held.get(code);
        int scancode = XtScancodes.forKeyCode(code);
        if (earlier != null && earlier != keysym) {
            sink.key(earlier, false, scancode);
        }
        held.put(code, keysym);
        swallowNextTyped = true;
        sink.key(keysym, true, scancode);
        return true;
    }

    private static int characterKeysym(KeyCode code, String text, boolean controlDown) {
        if (text != null && !text.isEmpty()) {
            int cp = text.codePointAt(0);
            int keysym = X11Keysyms.forCharacter(cp);
            if (keysym >= 0 && text.length() == Character.charCount(cp)) {
                return keysym;
            }
        }
        // Ctrl+letter arrives with a control character or no text; the server applies Control itself.
        if (code != KeyCode.UNDEFINED && (code.isLetterKey() || code.isDigitKey()) && !code.isKeypadKey()) {
            String name = code.getChar();
            if (name.length() == 1) {
                return Character.toLowerCase(name.charAt(0));
            }
        }
        if (controlDown && code == KeyCode.SPACE) {
            return ' ';
        }
        return -1;
    }

    /** A key went up; releases what its press sent. Returns whether a release was sent. */
    public boolean keyReleased(KeyCode code) {
        Integer keysym = held.remove(code);
        if (keysym == null) {
            return false;
        }
        sink.key(keysym, false, XtScancodes.forKeyCode(code));
        return true;
    }

    /**
     * A character was typed. Ignored when it is the echo of the key press just sent; otherwise each character is
     * typed as a press and release of its keysym.
     */
    public void keyTyped(String character) {
        if (swallowNextTyped) {
            swallowNextTyped = false;
            return;
        }
        if (character == null) {
            return;
        }
        character.codePoints().forEach(cp -> {
            int keysym = X11Keysyms.forCharacter(cp);
            if (keysym >= 0) {
                sink.key(keysym, true);
                sink.key(keysym, false);
            }
        });
    }

    /** Releases every key still held (the window lost focus, so their releases will never arrive). */
    public void releaseAll() {
        List<Map.Entry<KeyCode, Integer>> keys = new ArrayList<>(held.entrySet());
        held.clear();
        swallowNextTyped = false;
        for (int i = keys.size() - 1; i >= 0; i--) {
            sink.key(keys.get(i).getValue(), false, XtScancodes.forKeyCode(keys.get(i).getKey()));
        }
    }

    /** How many keys are held down. */
    public int heldCount() {
        return held.size();
    }
}
