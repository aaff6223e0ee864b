// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.scene.input.KeyCode;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.viewer.input.KeyCombo;
import org.rfbridge.viewer.input.KeySink;
import org.rfbridge.viewer.input.KeyboardTranslator;
import org.rfbridge.viewer.input.PointerTranslator;

/**
 * The user's keys, pointer and wheel, translated for the server and sent to the session that takes input.
 * It remembers what is held, so that losing focus or ending a session can let go of it: a server must
 * never be left with a key or button down that the user has released elsewhere.
 *
 * <p>Called on the JavaFX application thread only.
 */
public final class InputRouter {
    private final Supplier<RfbClient> inputClient;
    private final IntSupplier desktopWidth;
    private final IntSupplier desktopHeight;
    private final KeySink keys = new KeySink() {
        @Override
        public void key(int keysym, boolean down) {
            sendKey(keysym, down, 0);
        }

        @Override
        public void key(int keysym, boolean down, int scancode) {
            sendKey(keysym, down, scancode);
        }
    };
    private final KeyboardTranslator keyboard = new KeyboardTranslator(keys);
    private final PointerTranslator pointer = new PointerTranslator();
    private int pointerX;
    private int pointerY;
    private int pointerMask;

    /**
     * @param inputClient the client that takes input now, or null (not connected, or view only)
     */
    InputRouter(Supplier<RfbClient> inputClient, IntSupplier desktopWidth, IntSupplier desktopHeight) {
        this.inputClient = inputClient;
        this.desktopWidth = desktopWidth;
        this.desktopHeight = desktopHeight;
    }

    private void sendKey(int keysym, boolean down, int scancode) {
        RfbClient client = inputClient.get();
        if (client != null) {
            client.sendKey(keysym, down, scancode);
        }
    }

    public void keyPressed(KeyCode code, String text, boolean controlDown) {
        if (inputClient.get() != null) {
            keyboard.keyPressed(code, text, controlDown);
        }
    }

    // Always passed on, so that a key pressed before view-only was switched on is still released.
    public void keyReleased(KeyCode code) {
        keyboard.keyReleased(code);
    }

    public void keyTyped(String character) {
        if (inputClient.get() != null) {
            keyboard.keyTyped(character);
        }
    }

    /** The pointer is at desktop pixel (x, y) with {@code buttonMask} held (see PointerTranslator). */
    public void pointer(int x, int y, int buttonMask) {
        RfbClient client = inputClient.get();
        if (client == null) {
            return;
        }
        pointerX = clamp(x, desktopWidth.getAsInt());
        pointerY = clamp(y, desktopHeight.getAsInt());
        pointerMask = buttonMask;
        client.sendPointer(pointerX, pointerY, buttonMask);
    }

    /** A scroll at desktop pixel (x, y); see {@link PointerTranslator#scroll}. */
    public void scroll(int x, int y, double deltaX, double deltaY, double multiplierX, double multiplierY) {
        RfbClient client = inputClient.get();
        if (client == null) {
            return;
        }
        int px = clamp(x, desktopWidth.getAsInt());
        int py = clamp(y, desktopHeight.getAsInt());
        // A wheel notch is a button pressed and released at once (RFC 6143 section 7.5.5).
        pointer.scroll(deltaX, deltaY, multiplierX, multiplierY, bit -> {
            client.sendPointer(px, py, pointerMask | bit);
            client.sendPointer(px, py, pointerMask);
        });
    }

    /** Sends a key combination the local system would otherwise catch. */
    public void sendCombo(KeyCombo combo) {
        combo.send(keys);
    }

    /** Releases every key and button the server thinks are held, telling the server. */
    void releaseAll() {
        keyboard.releaseAll();
        if (pointerMask != 0) {
            pointerMask = 0;
            RfbClient client = inputClient.get();
            if (client != null) {
                client.sendPointer(pointerX, pointerY, 0);
            }
        }
    }

    /** Forgets what was held, for a session that has ended: there is no server left to tell. */
    void reset() {
        keyboard.releaseAll();
        pointerMask = 0;
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(Math.max(0, size - 1), value));
    }
}
