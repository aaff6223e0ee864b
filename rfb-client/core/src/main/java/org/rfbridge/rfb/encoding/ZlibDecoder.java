// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * Zlib (encoding 6, from TightVNC; not in RFC 6143 but in its registry): a length, then that many bytes of one
 * zlib stream that lasts the connection, inflating to the rectangle's pixels as Raw sends them. Pixels are
 * painted as they inflate; the decoder keeps at most one pixel's bytes between chunks. The compressed length is
 * bounded by the pixels plus zlib's worst-case overhead, and the rectangle's bytes must inflate to exactly its
 * pixels: the server flushes the stream after each rectangle.
 */
public final class ZlibDecoder implements RectDecoder {
    private final ZlibStream zlib = new ZlibStream("Zlib");
    private final byte[] partialPixel = new byte[4];
    private int partialBytes;

    private boolean lengthRead;
    private long compressedLeft;
    private Rect rect;
    private PixelFormat format;
    private Framebuffer target;
    private long pixelsDone;

    @Override
    public boolean decodeRect(Rect r, RfbInput in, PixelFormat pf, Framebuffer fb) throws RfbProtocolException {
        if (!lengthRead) {
            if (!in.has(4)) {
                return false;
            }
            long length = in.readU32();
            long pixelBytes = r.area() * pf.bytesPerPixel();
            long compressedCap = pixelBytes + pixelBytes / 1000 + 1024;
            if (length > compressedCap) {
                throw new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, "Zlib rectangle " + r + " claims " + length
                        + " compressed bytes; its pixels can take at most " + compressedCap);
            }
            compressedLeft = length;
            lengthRead = true;
            rect = r;
            format = pf;
            target = fb;
            pixelsDone = 0;
            partialBytes = 0;
        }
        compressedLeft = zlib.inflateFrom(in, compressedLeft, this::inflated);
        if (compressedLeft > 0) {
            return false;
        }
        lengthRead = false;
        if (pixelsDone < r.area() || partialBytes > 0) {
            throw new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, "Zlib rectangle " + r + ": the data inflates to "
                    + (pixelsDone * pf.bytesPerPixel() + partialBytes) + " of its " + r.area() * pf.bytesPerPixel()
                    + " bytes of pixels");
        }
        return true;
    }

    private void inflated(byte[] data, int offset, int length) throws RfbProtocolException {
        int bytesPerPixel = format.bytesPerPixel();
        long pixelBytesLeft = (rect.area() - pixelsDone) * bytesPerPixel - partialBytes;
        if (length > pixelBytesLeft) {
            throw new RfbProtocolException(ErrorCode.BAD_COMPRESSED_DATA, "Zlib rectangle " + rect
                    + ": the data inflates beyond its " + rect.area() * bytesPerPixel + " bytes of pixels");
        }
        int at = offset;
        int end = offset + length;
        if (partialBytes > 0) {
            int n = Math.min(bytesPerPixel - partialBytes, end - at);
            System.arraycopy(data, at, partialPixel, partialBytes, n);
            partialBytes += n;
            at += n;
            if (partialBytes < bytesPerPixel) {
                return;
            }
            paint(partialPixel, 0, 1);
            partialBytes = 0;
        }
        while (end - at >= bytesPerPixel) {
            int column = (int) (pixelsDone % rect.width());
            int count = Math.min(rect.width() - column, (end - at) / bytesPerPixel);
            paint(data, at, count);
            at += count * bytesPerPixel;
        }
        System.arraycopy(data, at, partialPixel, 0, end - at);
        partialBytes = end - at;
    }

    /** Paints {@code count} pixels, all in the current row, and moves on past them. */
    private void paint(byte[] data, int offset, int count) {
        int row = (int) (pixelsDone / rect.width());
        int column = (int) (pixelsDone % rect.width());
        target.putPixels(rect.x() + column, rect.y() + row, count, data, offset, format);
        pixelsDone += count;
    }
}
