// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The pseudo-encoding rectangles one client is owed, until its next update carries them: ExtendedDesktopSize
 * answers and changes in the order they happened, and QEMU's key-event announcement, the LED state and the
 * desktop name, each sent once however often it changed meanwhile.
 *
 * <p>Bounded whatever the client does: a size change made by the desktop or another client supersedes the
 * older ones still waiting (the newest describes the desktop), and of the answers to this client's own
 * SetDesktopSize messages at most {@link #MAX_ANSWERS} wait, since a client waits for one at a time.
 *
 * <p>Not thread-safe: guarded by the owning {@link ClientUpdateState}'s monitor.
 */
final class PendingPseudoRects {

    static final int MAX_ANSWERS = 16;

    private final List<PseudoRect> desktopSizes = new ArrayList<>();
    private boolean keyEvents;
    private boolean ledState;
    private String desktopName;

    /** Queues an ExtendedDesktopSize rectangle. */
    void extendedDesktopSize(PseudoRect rect) {
        if (rect.x() == PseudoRect.REASON_THIS_CLIENT) {
            List<PseudoRect> answers = desktopSizes.stream().filter(PendingPseudoRects::isAnswer).toList();
            if (answers.size() >= MAX_ANSWERS) {
                desktopSizes.remove(answers.get(0));
            }
        } else {
            desktopSizes.removeIf(r -> !isAnswer(r));
        }
        desktopSizes.add(rect);
    }

    private static boolean isAnswer(PseudoRect rect) {
        return rect.x() == PseudoRect.REASON_THIS_CLIENT;
    }

    /** The client no longer takes ExtendedDesktopSize. */
    void dropDesktopSizes() {
        desktopSizes.clear();
    }

    /** Whether the last size these rectangles set, if they set one, is {@code width} x {@code height}. */
    boolean endsAtSize(int width, int height) {
        for (int i = desktopSizes.size() - 1; i >= 0; i--) {
            PseudoRect r = desktopSizes.get(i);
            if (r.y() == PseudoRect.STATUS_DONE) {
                return r.resizesTo(width, height);
            }
        }
        return false;
    }

    void keyEvents() {
        keyEvents = true;
    }

    void ledState() {
        ledState = true;
    }

    void desktopName(String name) {
        desktopName = name;
    }

    boolean isEmpty() {
        return desktopSizes.isEmpty() && !keyEvents && !ledState && desktopName == null;
    }

    /** Takes them all, in the order to send; {@code locks} is the LED state to send if it is due. */
    List<PseudoRect> take(int locks) {
        List<PseudoRect> out = new ArrayList<>(desktopSizes);
        desktopSizes.clear();
        if (keyEvents) {
            out.add(PseudoRect.qemuExtendedKeyEvent());
            keyEvents = false;
        }
        if (ledState) {
            out.add(PseudoRect.ledState(locks));
            ledState = false;
        }
        if (desktopName != null) {
            out.add(PseudoRect.desktopName(desktopName));
            desktopName = null;
        }
        return out;
    }
}
