// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbProtocolException;

/**
 * The size a JPEG's frame header or a PNG's IHDR chunk gives, read without decoding, so that both cores refuse
 * an image that is not one, or that is not the rectangle's size, with the same words before any decoder sees it.
 */
final class ImageHeader {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ImageHeader() {
    }

    /** Throws unless {@code bytes} start a {@code format} image ("JPEG" or "PNG") of {@code width} x {@code height}. */
    static void check(String what, String format, byte[] bytes, int width, int height) throws RfbProtocolException {
        int[] size = "PNG".equals(format) ? pngSize(bytes) : jpegSize(bytes);
        if (size == null) {
            throw new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, what + ": the data is not a " + format + " image");
        }
        if (size[0] != width || size[1] != height) {
            throw new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, what + ": the " + format + " image is "
                    + size[0] + "x" + size[1]);
        }
    }

    /** Width and height from the first start-of-frame marker, or null when the segments do not lead to one. */
    static int[] jpegSize(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            return null;
        }
        int at = 2;
        while (at + 4 <= b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            int length = u16(b, at + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                if (length < 7 || at + 9 > b.length) {
                    return null;
                }
                return new int[] {u16(b, at + 7), u16(b, at + 5)};
            }
            if (marker == 0xD9 || marker == 0xDA || length < 2) {
                return null;
            }
            at += 2 + length;
        }
        return null;
    }

    /** Width and height from the IHDR chunk that must follow the signature, or null. */
    static int[] pngSize(byte[] b) {
        if (b.length < 24) {
            return null;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (b[i] != PNG_SIGNATURE[i]) {
                return null;
            }
        }
        if (b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            return null;
        }
        long width = u32(b, 16);
        long height = u32(b, 20);
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            return null;
        }
        return new int[] {(int) width, (int) height};
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }
}
