// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.input;

import org.rfbridge.rfb.protocol.PointerButtons;

/**
 * Mouse buttons and wheel turns as RFB PointerEvent button masks. Wheel movement is accumulated so that
 * touchpads' small deltas add up to whole notches instead of being lost or multiplied.
 *
 * <p>Not thread-safe: used on the JavaFX application thread only.
 */
public final class PointerTranslator {
    private double wheelX;
    private double wheelY;

    /** The mask for the buttons held; "back" is X11 button 8, "forward" has no bit in the 8-bit mask. */
    public static int buttonMask(boolean primary, boolean middle, boolean secondary, boolean back) {
        int mask = 0;
        if (primary) {
            mask |= PointerButtons.LEFT;
        }
        if (middle) {
            mask |= PointerButtons.MIDDLE;
        }
        if (secondary) {
            mask |= PointerButtons.RIGHT;
        }
        if (back) {
            mask |= PointerButtons.BUTTON_8;
        }
        return mask;
    }

    /** Receives one wheel notch: the button bit to press and release. */
    @FunctionalInterface
    public interface WheelSink {
        void notch(int buttonBit);
    }

    /**
     * Adds a scroll of ({@code deltaX}, {@code deltaY}) pixels, where one notch is {@code multiplierX} /
     * {@code multiplierY} pixels (JavaFX's ScrollEvent values), and reports each whole notch reached. Positive
     * Y scrolls up (button 4), positive X scrolls left (button 6), as JavaFX signs its deltas.
     *
     * @return the number of notches reported
     */
    public int scroll(double deltaX, double deltaY, double multiplierX, double multiplierY, WheelSink sink) {
        int notches = 0;
        wheelY += deltaY / (multiplierY > 0 ? multiplierY : 40);
        wheelX += deltaX / (multiplierX > 0 ? multiplierX : 40);
        // Bounded: a single event can carry a huge delta; more than 20 notches at once is noise.
        for (int i = 0; i < 20 && Math.abs(wheelY) >= 1; i++, notches++) {
            sink.notch(wheelY > 0 ? PointerButtons.WHEEL_UP : PointerButtons.WHEEL_DOWN);
            wheelY -= Math.signum(wheelY);
        }
        for (int i = 0; i < 20 && Math.abs(wheelX) >= 1; i++, notches++) {
            sink.notch(wheelX > 0 ? PointerButtons.WHEEL_LEFT : PointerButtons.WHEEL_RIGHT);
            wheelX -= Math.signum(wheelX);
        }
        if (Math.abs(wheelY) >= 1) {
            wheelY = 0;
        }
        if (Math.abs(wheelX) >= 1) {
            wheelX = 0;
        }
        return notches;
    }
}
