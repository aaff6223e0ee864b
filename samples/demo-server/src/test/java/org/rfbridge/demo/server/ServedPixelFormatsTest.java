// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.rfb.pixel.PixelFormat;

@Timeout(10)
class ServedPixelFormatsTest {

    @Test
    void writesAndReadsTheSixteenWireBytes() throws IOException {
        PixelFormat format = new PixelFormat(16, 16, true, true, 31, 63, 31, 11, 5, 0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ServedPixelFormats.write(format, new DataOutputStream(bytes));
        assertArrayEquals(HexFormat.of().parseHex("10100101001f003f001f0b0500000000"), bytes.toByteArray());
        assertEquals(format, ServedPixelFormats.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
    }

    @Test
    void acceptsCommonFormats() {
        assertDoesNotThrow(() -> ServedPixelFormats.requireServable(ServedPixelFormats.SERVER_NATIVE));
        assertDoesNotThrow(() -> ServedPixelFormats.requireServable(new PixelFormat(16, 15, false, true, 31, 31, 31, 10, 5, 0)));
        assertDoesNotThrow(() -> ServedPixelFormats.requireServable(new PixelFormat(8, 8, false, true, 7, 7, 3, 0, 3, 6)));
        assertDoesNotThrow(() -> ServedPixelFormats.requireServable(new PixelFormat(8, 6, false, true, 3, 3, 3, 4, 2, 0)));
    }

    @Test
    void refusesWhatCannotBeServedNamingTheProblem() {
        assertMessage("24 bits per pixel", new PixelFormat(24, 24, false, true, 255, 255, 255, 16, 8, 0));
        assertMessage("depth 0", new PixelFormat(32, 0, false, true, 255, 255, 255, 16, 8, 0));
        assertMessage("colour map", new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0));
        assertMessage("red-max 254", new PixelFormat(32, 24, false, true, 254, 255, 255, 16, 8, 0));
        assertMessage("blue-max 0", new PixelFormat(32, 24, false, true, 255, 255, 0, 16, 8, 0));
        assertMessage("overlap", new PixelFormat(32, 24, false, true, 255, 255, 255, 16, 12, 0));
        assertMessage("does not fit in 16 bits", new PixelFormat(16, 16, false, true, 31, 63, 31, 12, 5, 0));
        assertMessage("does not fit in 32 bits", new PixelFormat(32, 24, false, true, 255, 255, 255, 250, 8, 0));
    }

    @Test
    void encodesPureColoursExactlyAndRoundsTheRest() {
        PixelEncoder rgb565 = new PixelEncoder(new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0));
        byte[] out = new byte[6];
        rgb565.encodeRow(new int[] {0xFF0000, 0x00FF00, 0x808080}, 0, 3, out, 0);
        // 0xF800 and 0x07E0 little-endian; grey 128 -> 16 of 31 and 32 of 63: 0x8410.
        assertArrayEquals(HexFormat.of().parseHex("00f8e0071084"), out);
        PixelEncoder bigEndian32 = new PixelEncoder(new PixelFormat(32, 24, true, true, 255, 255, 255, 16, 8, 0));
        byte[] four = new byte[4];
        bigEndian32.encodeRow(new int[] {0x123456}, 0, 1, four, 0);
        assertArrayEquals(HexFormat.of().parseHex("00123456"), four);
    }

    @Test
    void encodesLikeTheCoreLibraryInEveryServedFormat() {
        PixelFormat[] formats = {
            PixelFormat.RGB888, PixelFormat.RGB565, PixelFormat.BGR233,
            new PixelFormat(32, 24, true, true, 255, 255, 255, 0, 8, 16),
            new PixelFormat(16, 15, true, true, 31, 31, 31, 10, 5, 0),
            new PixelFormat(8, 6, false, true, 3, 3, 3, 4, 2, 0),
        };
        int[] colours = new int[4096];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = (i * 0x9E3779B1) & 0xFFFFFF;
        }
        for (PixelFormat format : formats) {
            int bpp = format.bytesPerPixel();
            byte[] ours = new byte[colours.length * bpp];
            new PixelEncoder(format).encodeRow(colours, 0, colours.length, ours, 0);
            byte[] core = new byte[colours.length * bpp];
            for (int i = 0; i < colours.length; i++) {
                format.fromArgb(colours[i], core, i * bpp);
            }
            assertArrayEquals(core, ours, format.toString());
        }
    }

    private static void assertMessage(String expected, PixelFormat format) {
        ClientProtocolException e = assertThrows(ClientProtocolException.class,
                () -> ServedPixelFormats.requireServable(format));
        assertTrue(e.getMessage().contains(expected.split(" ")[0]), e.getMessage() + " should mention " + expected);
    }
}
