// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.util.Optional;
import java.util.function.Function;
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
    private int ledState = -1;
    private Function<KeyCode, Optional<Boolean>> locks = javafx.application.Platform::isKeyLocked;
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
            syncLocks(code);
            keyboard.keyPressed(code, text, controlDown);
        }
    }

    /** The server's lock lights (QEMU LED state: bit 1 Num Lock, bit 2 Caps Lock), or -1 when unknown. */
    void ledState(int state) {
        ledState = state;
    }

    /** Where the local lock state comes from: JavaFX's, or a test's. */
    void setLockState(Function<KeyCode, Optional<Boolean>> locks) {
        this.locks = locks;
    }

    // A VM whose Caps Lock is on while the user's is off would type every letter in the wrong case: press the
    // lock key first. Not for the lock key itself, which toggles both.
    private void syncLocks(KeyCode pressed) {
        if (ledState < 0) {
            return;
        }
        boolean sent = false;
        for (Object[] lock : new Object[][] {{KeyCode.CAPS, 4, 0xFFE5, 0x3a}, {KeyCode.NUM_LOCK, 2, 0xFF7F, 0x45}}) {
            KeyCode code = (KeyCode) lock[0];
            Optional<Boolean> local = code == pressed ? Optional.empty() : locks.apply(code);
            if (local.isPresent() && local.get() != ((ledState & (int) lock[1]) != 0)) {
                keys.key((int) lock[2], true, (int) lock[3]);
                keys.key((int) lock[2], false, (int) lock[3]);
                sent = true;
            }
        }
        if (sent) {
            // Until the server reports again, assume it followed.
            ledState = -1;
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
        ledState = -1;
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(Math.max(0, size - 1), value));
    }
}
