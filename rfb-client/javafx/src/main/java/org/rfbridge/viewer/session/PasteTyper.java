// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.viewer.input.UsLayout;
import org.rfbridge.viewer.input.X11Keysyms;

/**
 * Types text as key presses, for servers without a clipboard (a VM's BIOS, installer or text console): each
 * character as its keysym with the US-layout scancode and Shift where one is needed, one event every
 * {@link #PACE_MILLIS} ms, since an emulated keyboard drops keys that come faster than its queue drains.
 * Characters no key types are skipped. One text at a time, on a thread of its own; {@link #cancel()} stops it
 * between two characters.
 */
final class PasteTyper {
    static final int MAX_CHARACTERS = 10_000;
    static final int PACE_MILLIS = 8;
    private static final int SHIFT_KEYSYM = 0xFFE1;
    private static final int SHIFT_SCANCODE = 0x2a;

    private final AtomicReference<Thread> typing = new AtomicReference<>();
    private final Consumer<String> report;

    /** @param report takes what the user should read (called on the typing thread) */
    PasteTyper(Consumer<String> report) {
        this.report = report;
    }

    /** Starts typing {@code text} into {@code client}; false (and a message) if too long or already typing. */
    boolean type(RfbClient client, String text) {
        int length = text.codePointCount(0, text.length());
        if (length > MAX_CHARACTERS) {
            report.accept("the text has " + length + " characters; typing takes at most " + MAX_CHARACTERS);
            return false;
        }
        Thread thread = new Thread(() -> typeAll(client, text), "rfb-paste-typer");
        thread.setDaemon(true);
        if (!typing.compareAndSet(null, thread)) {
            report.accept("still typing the last text");
            return false;
        }
        thread.start();
        return true;
    }

    /** Stops typing after the current character. */
    void cancel() {
        Thread thread = typing.get();
        if (thread != null) {
            thread.interrupt();
        }
    }

    boolean isTyping() {
        return typing.get() != null;
    }

    private void typeAll(RfbClient client, String text) {
        int typed = 0;
        String outcome;
        try {
            int[] codePoints = text.replace("\r\n", "\n").codePoints().toArray();
            for (int codePoint : codePoints) {
                int keysym = codePoint == '\n' ? 0xFF0D : codePoint == '\t' ? 0xFF09
                        : X11Keysyms.forCharacter(codePoint);
                if (keysym < 0) {
                    continue;
                }
                UsLayout.Key key = UsLayout.keyFor(codePoint);
                if (key.shift()) {
                    press(client, SHIFT_KEYSYM, true, SHIFT_SCANCODE);
                }
                press(client, keysym, true, key.scancode());
                press(client, keysym, false, key.scancode());
                if (key.shift()) {
                    press(client, SHIFT_KEYSYM, false, SHIFT_SCANCODE);
                }
                typed++;
            }
            outcome = "typed " + typed + " characters";
        } catch (InterruptedException e) {
            outcome = "typing stopped after " + typed + " characters";
        } finally {
            typing.set(null);
        }
        // Reported once done, so that a caller told of the end may type the next text at once.
        report.accept(outcome);
    }

    private static void press(RfbClient client, int keysym, boolean down, int scancode) throws InterruptedException {
        client.sendKey(keysym, down, scancode);
        Thread.sleep(PACE_MILLIS);
    }
}
