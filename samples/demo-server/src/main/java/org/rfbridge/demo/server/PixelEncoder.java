// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import org.rfbridge.rfb.pixel.PixelFormat;

/**
 * Turns 0xRRGGBB pixels into a client's true-colour pixel format, a row at a time. Gives the same bytes as
 * the core library's {@link PixelFormat#fromArgb} (channel = (v*max+127)/255, so pure colours stay exact),
 * but through per-channel tables built once per format, because a full update converts every pixel of the
 * screen. Immutable.
 */
final class PixelEncoder {

    private final int bytesPerPixel;
    private final boolean bigEndian;
    private final int[] red = new int[256];
    private final int[] green = new int[256];
    private final int[] blue = new int[256];

    PixelEncoder(PixelFormat format) {
        this.bytesPerPixel = format.bytesPerPixel();
        this.bigEndian = format.bigEndian();
        for (int v = 0; v < 256; v++) {
            red[v] = scale(v, format.redMax()) << format.redShift();
            green[v] = scale(v, format.greenMax()) << format.greenShift();
            blue[v] = scale(v, format.blueMax()) << format.blueShift();
        }
    }

    private static int scale(int value, int max) {
        return (value * max + 127) / 255;
    }

    int bytesPerPixel() {
        return bytesPerPixel;
    }

    /**
     * Writes {@code width} pixels of {@code rgb} starting at {@code from} into {@code out} at {@code offset}.
     *
     * @return the offset just after the written bytes
     */
    int encodeRow(int[] rgb, int from, int width, byte[] out, int offset) {
        int o = offset;
        for (int i = from; i < from + width; i++) {
            int c = rgb[i];
            int pixel = red[(c >>> 16) & 0xFF] | green[(c >>> 8) & 0xFF] | blue[c & 0xFF];
            switch (bytesPerPixel) {
                case 1 -> out[o++] = (byte) pixel;
                case 2 -> {
                    if (bigEndian) {
                        out[o++] = (byte) (pixel >>> 8);
                        out[o++] = (byte) pixel;
                    } else {
                        out[o++] = (byte) pixel;
                        out[o++] = (byte) (pixel >>> 8);
                    }
                }
                default -> {
                    if (bigEndian) {
                        out[o++] = (byte) (pixel >>> 24);
                        out[o++] = (byte) (pixel >>> 16);
                        out[o++] = (byte) (pixel >>> 8);
                        out[o++] = (byte) pixel;
                    } else {
                        out[o++] = (byte) pixel;
                        out[o++] = (byte) (pixel >>> 8);
                        out[o++] = (byte) (pixel >>> 16);
                        out[o++] = (byte) (pixel >>> 24);
                    }
                }
            }
        }
        return o;
    }
}
