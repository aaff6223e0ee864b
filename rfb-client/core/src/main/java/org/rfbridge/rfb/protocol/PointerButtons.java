// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

/**
 * Bits of the PointerEvent button mask (RFC 6143 section 7.5.5): bit N-1 is button N, as X11 numbers them.
 * Wheel turns are a press and release of buttons 4 to 7.
 */
public final class PointerButtons {
    public static final int LEFT = 1;
    public static final int MIDDLE = 1 << 1;
    public static final int RIGHT = 1 << 2;
    public static final int WHEEL_UP = 1 << 3;
    public static final int WHEEL_DOWN = 1 << 4;
    public static final int WHEEL_LEFT = 1 << 5;
    public static final int WHEEL_RIGHT = 1 << 6;
    public static final int BUTTON_8 = 1 << 7;

    private PointerButtons() {
    }

    /** The mask bit of X11 button {@code number} (1 to 8). */
    public static int button(int number) {
        if (number < 1 || number > 8) {
            throw new IllegalArgumentException("button " + number + " outside 1..8");
        }
        return 1 << (number - 1);
    }
}
