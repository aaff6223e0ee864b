// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.io.RfbOutput;
import org.rfbridge.rfb.pixel.PixelFormat;

/** Builds what a server sends, big-endian, field by field. Test code only. */
public final class ServerBytes {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public static ServerBytes create() {
        return new ServerBytes();
    }

    public ServerBytes u8(int v) {
        bytes.write(v);
        return this;
    }

    public ServerBytes u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    public ServerBytes s32(int v) {
        return u8(v >>> 24).u8(v >>> 16).u8(v >>> 8).u8(v);
    }

    public ServerBytes u32(long v) {
        return s32((int) v);
    }

    public ServerBytes bytes(byte[] b) {
        bytes.writeBytes(b);
        return this;
    }

    public ServerBytes ascii(String s) {
        return bytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A u32 length followed by the UTF-8 text. */
    public ServerBytes string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return u32(b.length).bytes(b);
    }

    public ServerBytes pixelFormat(PixelFormat pf) {
        RfbOutput out = new RfbOutput();
        pf.write(out);
        return bytes(out.take());
    }

    public ServerBytes banner(String version) {
        return ascii("RFB " + version + "\n");
    }

    public ServerBytes serverInit(int width, int height, PixelFormat pf, String name) {
        return u16(width).u16(height).pixelFormat(pf).string(name);
    }

    /** RFB 3.8, security None offered and chosen, SecurityResult OK. */
    public ServerBytes handshake38None(int width, int height, PixelFormat pf, String name) {
        return banner("003.008").u8(1).u8(1).u32(0).serverInit(width, height, pf, name);
    }

    public ServerBytes updateHeader(int rects) {
        return u8(0).u8(0).u16(rects);
    }

    public ServerBytes rectHeader(int x, int y, int w, int h, int encoding) {
        return u16(x).u16(y).u16(w).u16(h).s32(encoding);
    }

    /** A Raw rectangle whose pixels are {@code argb} (row by row), encoded in {@code pf}. */
    public ServerBytes rawRect(int x, int y, int w, int h, PixelFormat pf, int[] argb) {
        rectHeader(x, y, w, h, Encodings.RAW);
        byte[] px = new byte[pf.bytesPerPixel()];
        for (int c : argb) {
            pf.fromArgb(c, px, 0);
            bytes(px);
        }
        return this;
    }

    public ServerBytes copyRect(int x, int y, int w, int h, int srcX, int srcY) {
        return rectHeader(x, y, w, h, Encodings.COPY_RECT).u16(srcX).u16(srcY);
    }

    public ServerBytes bell() {
        return u8(2);
    }

    public ServerBytes cutText(String latin1) {
        byte[] b = latin1.getBytes(StandardCharsets.ISO_8859_1);
        return u8(3).u8(0).u8(0).u8(0).u32(b.length).bytes(b);
    }

    /** A Cursor pseudo-rectangle: hotspot (x, y), pixels in {@code pf}, then the bitmask rows. */
    public ServerBytes cursor(int hotX, int hotY, int w, int h, PixelFormat pf, int[] argb, byte[] mask) {
        rectHeader(hotX, hotY, w, h, Encodings.CURSOR);
        byte[] px = new byte[pf.bytesPerPixel()];
        for (int c : argb) {
            pf.fromArgb(c, px, 0);
            bytes(px);
        }
        return bytes(mask);
    }

    public ServerBytes desktopSize(int w, int h) {
        return rectHeader(0, 0, w, h, Encodings.DESKTOP_SIZE);
    }

    public ServerBytes lastRect() {
        return rectHeader(0, 0, 0, 0, Encodings.LAST_RECT);
    }

    /** SetColourMapEntries with 16-bit channels taken from the ARGB colours (8 bits repeated). */
    public ServerBytes colourMapEntries(int first, int... argb) {
        u8(1).u8(0).u16(first).u16(argb.length);
        for (int c : argb) {
            int r = c >>> 16 & 0xFF;
            int g = c >>> 8 & 0xFF;
            int b = c & 0xFF;
            u16(r << 8 | r).u16(g << 8 | g).u16(b << 8 | b);
        }
        return this;
    }

    public byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
