// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import java.util.Objects;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * Cursor pseudo-encoding (RFC 6143 section 7.8.1): the rectangle's position is the hotspot and its size the
 * cursor's; the body is width x height pixels in the current pixel format followed by a bitmask of
 * {@code ceil(width / 8) * height} bytes, most significant bit first. The body is at most about 264 KiB
 * because the size is capped at {@link CursorShape#MAX_SIZE} before anything is awaited.
 */
public final class CursorDecoder implements RectDecoder {
    private final DecoderContext context;

    public CursorDecoder(DecoderContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public boolean decodeRect(Rect r, RfbInput in, PixelFormat pf, Framebuffer fb) throws RfbProtocolException {
        int width = r.width();
        int height = r.height();
        if (width > CursorShape.MAX_SIZE || height > CursorShape.MAX_SIZE) {
            throw new RfbProtocolException("cursor " + width + "x" + height + " is larger than "
                    + CursorShape.MAX_SIZE + "x" + CursorShape.MAX_SIZE);
        }
        int pixelBytes = width * height * pf.bytesPerPixel();
        int maskRowBytes = (width + 7) / 8;
        int maskBytes = maskRowBytes * height;
        if (!in.has(pixelBytes + maskBytes)) {
            return false;
        }
        byte[] pixels = in.readBytes(pixelBytes);
        byte[] mask = in.readBytes(maskBytes);
        int[] argb = new int[width * height];
        pf.toArgb(pixels, 0, argb, 0, width * height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean opaque = (mask[y * maskRowBytes + x / 8] & (0x80 >>> (x % 8))) != 0;
                int i = y * width + x;
                argb[i] = opaque ? argb[i] | 0xFF00_0000 : argb[i] & 0x00FF_FFFF;
            }
        }
        // A hotspot outside the image is harmless to us; clamp it rather than end the session over it.
        int hotspotX = width == 0 ? 0 : Math.min(r.x(), width - 1);
        int hotspotY = height == 0 ? 0 : Math.min(r.y(), height - 1);
        context.cursorShapeChanged(new CursorShape(width, height, hotspotX, hotspotY, argb));
        return true;
    }

    @Override
    public boolean isPseudoEncoding() {
        return true;
    }
}
