// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.pixel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rfbridge.rfb.RfbProtocolException;

@Timeout(10)
class PixelFormatTest {
    private static int hex(String s) {
        return Integer.parseUnsignedInt(s, 16);
    }

    private static byte[] bytes(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // bpp, bigEndian, wire bytes, expected ARGB
        "32, false, 0099663300, ff336699",
        "32, true,  0000336699, ff336699",
    })
    void thirtyTwoBitBothByteOrders(int bpp, boolean bigEndian, String wire, String argb) {
        PixelFormat pf = PixelFormat.trueColour(bpp, 24, bigEndian, 255, 255, 255, 16, 8, 0);
        byte[] b = bytes(wire);
        // The leading byte of the wire column is padding so that the offset path is exercised.
        assertEquals(hex(argb), pf.toArgb(b, 1));
    }

    @Test
    void sixteenBitScalesChannelsToEightBits() {
        PixelFormat le = PixelFormat.RGB565;
        PixelFormat be = PixelFormat.trueColour(16, 16, true, 31, 63, 31, 11, 5, 0);
        // pure red, pure green, pure blue, white in 5-6-5
        assertEquals(hex("ffff0000"), le.toArgb(bytes("00f8"), 0));
        assertEquals(hex("ff00ff00"), le.toArgb(bytes("e007"), 0));
        assertEquals(hex("ff0000ff"), be.toArgb(bytes("001f"), 0));
        assertEquals(hex("ffffffff"), be.toArgb(bytes("ffff"), 0));
        // 0x33 0x66 0x99 rounds to what the 5-6-5 channels can hold
        byte[] px = new byte[2];
        le.fromArgb(hex("ff336699"), px, 0);
        assertEquals(hex("ff31659c"), le.toArgb(px, 0));
    }

    @Test
    void eightBitTrueColourAndColourMap() {
        assertEquals(hex("ffffffff"), PixelFormat.BGR233.toArgb(new byte[] {(byte) 0xFF}, 0));
        assertEquals(hex("ff0000ff"), PixelFormat.BGR233.toArgb(new byte[] {(byte) 0xC0}, 0));
        PixelFormat mapped = PixelFormat.colourMapped(8, 8, false);
        assertEquals(hex("ff000000"), mapped.toArgb(new byte[] {5}, 0));
        ColourMap map = ColourMap.empty().withEntries(4, new int[] {hex("ff112233"), hex("ff445566")}, 0, 2);
        assertEquals(hex("ff445566"), mapped.withColourMap(map).toArgb(new byte[] {5}, 0));
    }

    @Test
    void bulkConversionMatchesPixelByPixel() {
        PixelFormat[] formats = {PixelFormat.RGB888, PixelFormat.RGB565, PixelFormat.BGR233,
            PixelFormat.trueColour(32, 24, true, 255, 255, 255, 0, 8, 16),
            PixelFormat.trueColour(32, 24, true, 255, 255, 255, 16, 8, 0),
            PixelFormat.trueColour(16, 15, true, 31, 31, 31, 10, 5, 0)};
        java.util.Random random = new java.util.Random(3);
        for (PixelFormat pf : formats) {
            byte[] src = new byte[pf.bytesPerPixel() * 50];
            random.nextBytes(src);
            int[] dst = new int[50];
            pf.toArgb(src, 0, dst, 0, 50);
            for (int i = 0; i < 50; i++) {
                assertEquals(pf.toArgb(src, i * pf.bytesPerPixel()), dst[i], pf + " pixel " + i);
            }
        }
    }

    @Test
    void wireRoundTrip() {
        org.rfbridge.rfb.io.RfbOutput out = new org.rfbridge.rfb.io.RfbOutput();
        PixelFormat.RGB565.write(out);
        org.rfbridge.rfb.io.RfbInput in = new org.rfbridge.rfb.io.RfbInput();
        in.append(out.take());
        assertEquals(PixelFormat.RGB565, PixelFormat.read(in));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "24 bits per pixel, 24, 24, 1, 255, 255, 255, 16, 8, 0",
        "depth zero, 32, 0, 1, 255, 255, 255, 16, 8, 0",
        "depth over bpp, 16, 24, 1, 31, 63, 31, 11, 5, 0",
        "max not 2^n-1, 32, 24, 1, 200, 255, 255, 16, 8, 0",
        "zero max, 32, 24, 1, 0, 255, 255, 16, 8, 0",
        "channel past pixel, 16, 16, 1, 31, 63, 31, 12, 5, 0",
        "huge shift, 32, 24, 1, 255, 255, 255, 200, 8, 0",
        "32-bit colour map, 32, 24, 0, 0, 0, 0, 0, 0, 0",
    })
    void invalidFormatsAreRejected(String name, int bpp, int depth, int trueColour, int rMax, int gMax, int bMax,
            int rShift, int gShift, int bShift) {
        PixelFormat pf = new PixelFormat(bpp, depth, false, trueColour != 0, rMax, gMax, bMax, rShift, gShift, bShift);
        RfbProtocolException e = assertThrows(RfbProtocolException.class, pf::validate);
        assertTrue(e.getMessage().startsWith("invalid pixel format"), e.getMessage());
    }

    @Test
    void commonFormatsAreValid() {
        assertDoesNotThrow(PixelFormat.RGB888::validate);
        assertDoesNotThrow(PixelFormat.RGB565::validate);
        assertDoesNotThrow(PixelFormat.BGR233::validate);
        assertDoesNotThrow(PixelFormat.colourMapped(8, 8, false)::validate);
    }
}
