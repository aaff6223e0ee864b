// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

/**
 * Reads the desktop's pixels while no change can happen; see {@link DemoDesktop#read(FrameReader)}.
 *
 * @param <T> what the reader produces from the pixels
 */
@FunctionalInterface
public interface FrameReader<T> {

    /**
     * @param rgb    the framebuffer as 0xRRGGBB values, row after row; must not be modified or kept after
     *               the call returns
     * @param stride pixels per row (the desktop's width)
     */
    T read(int[] rgb, int stride);
}
