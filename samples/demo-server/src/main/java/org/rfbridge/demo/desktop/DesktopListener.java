// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

/**
 * Receives every change of the {@link DemoDesktop} that clients can see, in the order they happen: its
 * pixels and size, its shared clipboard, its lock keys and its name. Every method does nothing by default, so
 * a listener follows only what it needs.
 *
 * <p>All methods are called on whichever thread changed the desktop, while it holds the desktop's lock:
 * implementations must be quick, must not block, and must not call back into the desktop.
 */
public interface DesktopListener {

    /** The pixels of {@code area} (inside the desktop, not empty) changed. */
    default void damaged(Rect area) {
    }

    /**
     * The pixels of the rectangle of {@code target}'s size at {@code sourceX}, {@code sourceY} were copied
     * to {@code target}; source and target may overlap. Nothing else changed with it.
     */
    default void copied(Rect target, int sourceX, int sourceY) {
    }

    /**
     * The desktop now has this size (perhaps the one it had) and every pixel was repainted; earlier damage
     * and copies no longer apply.
     *
     * @param byClient the client whose request it was, or 0 when the desktop resized itself
     */
    default void resized(int width, int height, int byClient) {
    }

    /**
     * The shared clipboard now holds {@code text}.
     *
     * @param owner the client that put it there, or 0 when the desktop did
     */
    default void clipboardChanged(int owner, String text) {
    }

    /** The lock keys are now {@code locks}, a set of {@link LockKeys} bits. */
    default void lockKeysChanged(int locks) {
    }

    /** The desktop is now called {@code name}. */
    default void renamed(String name) {
    }
}
