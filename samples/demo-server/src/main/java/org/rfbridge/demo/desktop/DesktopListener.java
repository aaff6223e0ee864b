// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

/**
 * Receives every change of the {@link DemoDesktop}'s pixels, in the order they happen.
 *
 * <p>Both methods are called on whichever thread changed the desktop, while it holds the desktop's lock:
 * implementations must be quick, must not block, and must not call back into the desktop.
 */
public interface DesktopListener {

    /** The pixels of {@code area} (inside the desktop, not empty) changed. */
    void damaged(Rect area);

    /**
     * The pixels of the rectangle of {@code target}'s size at {@code sourceX}, {@code sourceY} were copied
     * to {@code target}; source and target may overlap. Nothing else changed with it.
     */
    void copied(Rect target, int sourceX, int sourceY);

    /**
     * The desktop now has this size and every pixel was repainted; earlier damage and copies no longer
     * apply.
     */
    void resized(int width, int height);
}
