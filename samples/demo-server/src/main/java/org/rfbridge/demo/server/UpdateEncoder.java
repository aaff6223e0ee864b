// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.rfb.encoding.Encodings;

/**
 * Writes one FramebufferUpdate message (RFC 6143 §7.6.1): the pseudo-encoding rectangles (a new size, the
 * screen layout, announcements) with their bodies, the CopyRect (§7.7.2) first of the pixels if there is one,
 * then Raw rectangles (§7.7.1) from the desktop's pixels in the client's pixel format. Stateless.
 */
final class UpdateEncoder {

    static final int FRAMEBUFFER_UPDATE = 0;
    private static final int HEADER_LENGTH = 4;
    private static final int RECT_HEADER_LENGTH = 12;
    private static final int COPY_RECT_BODY_LENGTH = 4;

    private UpdateEncoder() {
    }

    /**
     * @param rgb    the desktop's pixels (0xRRGGBB), read under its lock
     * @param stride pixels per row of {@code rgb}
     * @return the whole message
     * @throws IllegalStateException if a rectangle lies outside the pixels (a bug, checked again here)
     */
    static byte[] encode(PendingUpdate update, int[] rgb, int stride) {
        PixelEncoder encoder = new PixelEncoder(update.format());
        int rows = rgb.length / stride;
        Rect screen = new Rect(0, 0, stride, rows);
        int length = HEADER_LENGTH;
        if (update.copy() != null) {
            requireInside(screen, update.copy().target());
            requireInside(screen, update.copy().source());
            length = Math.addExact(length, RECT_HEADER_LENGTH + COPY_RECT_BODY_LENGTH);
        }
        for (PseudoRect p : update.pseudo()) {
            length = Math.addExact(length, Math.addExact(RECT_HEADER_LENGTH, p.body().length));
        }
        for (Rect r : update.raw()) {
            requireInside(screen, r);
            long pixelBytes = Math.multiplyExact(r.area(), (long) encoder.bytesPerPixel());
            length = Math.addExact(length, Math.addExact(RECT_HEADER_LENGTH, Math.toIntExact(pixelBytes)));
        }
        byte[] out = new byte[length];
        int o = 0;
        out[o++] = FRAMEBUFFER_UPDATE;                 // message-type
        out[o++] = 0;                                  // padding
        o = putU16(out, o, update.rectangleCount());   // number-of-rectangles
        for (PseudoRect p : update.pseudo()) {
            // The header fields of a pseudo rectangle are not a place on the screen: no bounds to check.
            o = putRectHeader(out, o, new Rect(p.x(), p.y(), p.width(), p.height()), p.encoding());
            System.arraycopy(p.body(), 0, out, o, p.body().length);
            o += p.body().length;
        }
        CopyOperation copy = update.copy();
        if (copy != null) {
            o = putRectHeader(out, o, copy.target(), Encodings.COPY_RECT);
            o = putU16(out, o, copy.sourceX());        // src-x-position
            o = putU16(out, o, copy.sourceY());        // src-y-position
        }
        for (Rect r : update.raw()) {
            o = putRectHeader(out, o, r, Encodings.RAW);
            for (int row = r.y(); row < r.bottom(); row++) {
                o = encoder.encodeRow(rgb, row * stride + r.x(), r.width(), out, o);
            }
        }
        if (o != out.length) {
            throw new IllegalStateException("update length " + o + " differs from computed " + out.length);
        }
        return out;
    }

    private static void requireInside(Rect screen, Rect r) {
        if (!screen.contains(r) || r.right() > 0xFFFF || r.bottom() > 0xFFFF) {
            throw new IllegalStateException("rectangle " + r + " lies outside the framebuffer " + screen);
        }
    }

    private static int putRectHeader(byte[] out, int offset, Rect r, int encoding) {
        int o = putU16(out, offset, r.x());            // x-position
        o = putU16(out, o, r.y());                     // y-position
        o = putU16(out, o, r.width());                 // width
        o = putU16(out, o, r.height());                // height
        out[o++] = (byte) (encoding >>> 24);           // encoding-type (S32)
        out[o++] = (byte) (encoding >>> 16);
        out[o++] = (byte) (encoding >>> 8);
        out[o++] = (byte) encoding;
        return o;
    }

    private static int putU16(byte[] out, int offset, int value) {
        out[offset] = (byte) (value >>> 8);
        out[offset + 1] = (byte) value;
        return offset + 2;
    }
}
