// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.Limits;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * The three ways a server sends the pointer's shape (the JavaScript core's {@code cursor-reader.js}), each as a
 * pseudo-rectangle whose position is the hotspot and whose size is the cursor's: Cursor (RFC 6143 section
 * 7.8.1: pixels in the session's format and a bitmask), XCursor (two colours, a bitmap choosing between them and a
 * bitmask) and CursorWithAlpha (an encoding, then 32-bit pixels with premultiplied alpha in it; servers send Raw,
 * the only one taken here). The size and hotspot are checked before anything is awaited, so a body is at most
 * 256 KiB.
 *
 * <p>Each method returns null while the body is not all in (nothing consumed), else consumes it.
 */
final class CursorReader {
    private CursorReader() {
    }

    /** The shape, or null until the bytes are in; throws for a size or hotspot no real cursor has. */
    static CursorShape read(int encoding, Rect rect, RfbInput in, PixelFormat pf) throws RfbProtocolException {
        int width = rect.width();
        int height = rect.height();
        if (width > Limits.MAX_CURSOR_SIDE || height > Limits.MAX_CURSOR_SIDE) {
            throw new RfbProtocolException(ErrorCode.BAD_CURSOR, "cursor " + width + "x" + height
                    + " is larger than " + Limits.MAX_CURSOR_SIDE + "x" + Limits.MAX_CURSOR_SIDE);
        }
        boolean empty = width == 0 || height == 0;
        if (!empty && (rect.x() >= width || rect.y() >= height)) {
            throw new RfbProtocolException(ErrorCode.BAD_CURSOR, "cursor hotspot " + rect.x() + "," + rect.y()
                    + " lies outside the " + width + "x" + height + " cursor");
        }
        int[] argb = switch (encoding) {
            case Encodings.CURSOR -> richCursor(width, height, in, pf);
            case Encodings.X_CURSOR -> xCursor(width, height, in);
            case Encodings.CURSOR_WITH_ALPHA -> alphaCursor(width, height, in);
            default -> throw new IllegalArgumentException(Encodings.describe(encoding) + " is no cursor");
        };
        if (argb == null) {
            return null;
        }
        // An empty cursor hides the pointer; its hotspot means nothing.
        return new CursorShape(width, height, empty ? 0 : rect.x(), empty ? 0 : rect.y(), argb);
    }

    private static int[] richCursor(int width, int height, RfbInput in, PixelFormat pf) {
        int pixelBytes = width * height * pf.bytesPerPixel();
        int maskBytes = (width + 7) / 8 * height;
        if (!in.has(pixelBytes + maskBytes)) {
            return null;
        }
        byte[] pixels = in.readBytes(pixelBytes);
        byte[] mask = in.readBytes(maskBytes);
        int[] argb = new int[width * height];
        pf.toArgb(pixels, 0, argb, 0, width * height);
        applyMask(argb, width, height, mask);
        return argb;
    }

    /** XCursor: foreground and background RGB, then a bitmap (1: foreground) and a mask, rows padded to bytes. */
    private static int[] xCursor(int width, int height, RfbInput in) {
        int[] argb = new int[width * height];
        if (argb.length == 0) {
            // Servers send no colours for an empty XCursor.
            return argb;
        }
        int rowBytes = (width + 7) / 8;
        if (!in.has(6 + 2 * rowBytes * height)) {
            return null;
        }
        int foreground = in.readU8() << 16 | in.readU8() << 8 | in.readU8();
        int background = in.readU8() << 16 | in.readU8() << 8 | in.readU8();
        byte[] bitmap = in.readBytes(rowBytes * height);
        byte[] mask = in.readBytes(rowBytes * height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                argb[y * width + x] = bit(bitmap, rowBytes, x, y) ? foreground : background;
            }
        }
        applyMask(argb, width, height, mask);
        return argb;
    }

    /** CursorWithAlpha: an encoding (Raw), then pixels of four bytes, blue, green, red, alpha, premultiplied. */
    private static int[] alphaCursor(int width, int height, RfbInput in) throws RfbProtocolException {
        if (!in.has(4)) {
            return null;
        }
        int encoding = in.peekU8(0) << 24 | in.peekU8(1) << 16 | in.peekU8(2) << 8 | in.peekU8(3);
        if (encoding != Encodings.RAW) {
            throw new RfbProtocolException(ErrorCode.BAD_CURSOR, "a CursorWithAlpha in " + Encodings.describe(encoding)
                    + "; servers send it in Raw, the only encoding taken for it");
        }
        int bytes = width * height * 4;
        if (!in.has(4 + bytes)) {
            return null;
        }
        in.skip(4);
        byte[] pixels = in.readBytes(bytes);
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            int alpha = pixels[4 * i + 3] & 0xFF;
            argb[i] = alpha << 24 | unpremultiply(pixels[4 * i + 2], alpha) << 16
                    | unpremultiply(pixels[4 * i + 1], alpha) << 8 | unpremultiply(pixels[4 * i], alpha);
        }
        return argb;
    }

    private static int unpremultiply(byte channel, int alpha) {
        return alpha == 0 ? 0 : Math.min(255, ((channel & 0xFF) * 255 + alpha / 2) / alpha);
    }

    private static boolean bit(byte[] bits, int rowBytes, int x, int y) {
        return (bits[y * rowBytes + x / 8] & (0x80 >>> (x % 8))) != 0;
    }

    private static void applyMask(int[] argb, int width, int height, byte[] mask) {
        int rowBytes = (width + 7) / 8;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                argb[i] = bit(mask, rowBytes, x, y) ? argb[i] | 0xFF00_0000 : argb[i] & 0x00FF_FFFF;
            }
        }
    }
}
