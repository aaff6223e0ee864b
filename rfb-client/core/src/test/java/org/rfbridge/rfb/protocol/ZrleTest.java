// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.testing.Feeder;
import org.rfbridge.rfb.testing.ServerBytes;

/**
 * ZRLE against a small encoder written here from RFC 6143 section 7.7.6: every subencoding, partial tiles,
 * compressed pixels in each byte order, the zlib stream shared across rectangles, delivered whole, byte by
 * byte and in random chunks ({@link Feeder#runEveryWay}); and hostile data, which must end the session with
 * a reason and nothing painted past the check.
 */
@Timeout(20)
class ZrleTest {
    private static final int TILE = 64;
    private static final ConnectionOptions KEEP_FORMAT = ConnectionOptions.defaults().toBuilder()
            .keepServerPixelFormat(true).build();

    private enum Sub { RAW, SOLID, PACKED, PLAIN_RLE, PALETTE_RLE }

    /** Encodes tiles the way a server would, one zlib stream per connection. */
    private static final class Encoder {
        private final PixelFormat pf;
        private final Deflater deflater = new Deflater(6);

        Encoder(PixelFormat pf) {
            this.pf = pf;
        }

        void cpixel(ByteArrayOutputStream out, int argb) {
            byte[] px = new byte[4];
            pf.fromArgb(argb, px, 0);
            if (pf.bitsPerPixel() == 32 && pf.depth() <= 24) {
                long bits = ((long) pf.redMax() << pf.redShift()) | ((long) pf.greenMax() << pf.greenShift())
                        | ((long) pf.blueMax() << pf.blueShift());
                boolean low = (bits & ~0xFF_FFFFL) == 0;
                // The unused byte is the one holding the top bits (low fit) or the bottom bits (high fit).
                boolean dropFirst = low == pf.bigEndian();
                out.write(px, dropFirst ? 1 : 0, 3);
            } else {
                out.write(px, 0, pf.bytesPerPixel());
            }
        }

        void run(ByteArrayOutputStream out, int length) {
            int left = length - 1;
            while (left >= 255) {
                out.write(255);
                left -= 255;
            }
            out.write(left);
        }

        void tile(ByteArrayOutputStream out, int[] px, Sub sub) {
            List<Integer> palette = new ArrayList<>(new LinkedHashSet<>(toList(px)));
            switch (sub) {
                case RAW -> {
                    out.write(0);
                    for (int p : px) {
                        cpixel(out, p);
                    }
                }
                case SOLID -> {
                    out.write(1);
                    cpixel(out, px[0]);
                }
                case PACKED -> throw new IllegalStateException("use packed(...)");
                case PLAIN_RLE -> {
                    out.write(128);
                    for (int i = 0; i < px.length; ) {
                        int j = i;
                        while (j < px.length && px[j] == px[i]) {
                            j++;
                        }
                        cpixel(out, px[i]);
                        run(out, j - i);
                        i = j;
                    }
                }
                case PALETTE_RLE -> {
                    out.write(128 + palette.size());
                    for (int c : palette) {
                        cpixel(out, c);
                    }
                    for (int i = 0; i < px.length; ) {
                        int j = i;
                        while (j < px.length && px[j] == px[i]) {
                            j++;
                        }
                        int index = palette.indexOf(px[i]);
                        if (j - i == 1) {
                            out.write(index);
                        } else {
                            out.write(0x80 | index);
                            run(out, j - i);
                        }
                        i = j;
                    }
                }
            }
        }

        void packed(ByteArrayOutputStream out, int[] px, int tw, int th) {
            List<Integer> palette = new ArrayList<>(new LinkedHashSet<>(toList(px)));
            out.write(palette.size());
            for (int c : palette) {
                cpixel(out, c);
            }
            int bits = palette.size() == 2 ? 1 : palette.size() <= 4 ? 2 : 4;
            for (int y = 0; y < th; y++) {
                int current = 0;
                int used = 0;
                for (int x = 0; x < tw; x++) {
                    current = current << bits | palette.indexOf(px[y * tw + x]);
                    used += bits;
                    if (used == 8) {
                        out.write(current);
                        current = 0;
                        used = 0;
                    }
                }
                if (used > 0) {
                    out.write(current << (8 - used));
                }
            }
        }

        /** Length-prefixed compressed body of one rectangle's inflated bytes. */
        byte[] body(byte[] inflated) {
            deflater.setInput(inflated);
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
                compressed.write(buffer, 0, n);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int length = compressed.size();
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
            out.writeBytes(compressed.toByteArray());
            return out.toByteArray();
        }
    }

    private static List<Integer> toList(int[] px) {
        List<Integer> list = new ArrayList<>();
        for (int p : px) {
            list.add(p);
        }
        return list;
    }

    /** An image of {@code colours} colours in runs, opaque, as the framebuffer would hold it. */
    private static int[] image(Random random, int pixels, int colours, PixelFormat pf) {
        int[] choice = new int[colours];
        byte[] px = new byte[4];
        for (int i = 0; i < colours; i++) {
            // Round-trip through the format so that the expected pixels are what the format can carry.
            pf.fromArgb(0xFF00_0000 | random.nextInt(0x100_0000), px, 0);
            choice[i] = pf.toArgb(px, 0);
        }
        int[] out = new int[pixels];
        for (int i = 0; i < pixels; ) {
            int run = 1 + random.nextInt(random.nextBoolean() ? 3 : 400);
            int colour = choice[random.nextInt(colours)];
            for (int j = 0; j < run && i < pixels; j++) {
                out[i++] = colour;
            }
        }
        // Every colour appears, so the palette has exactly `colours` entries.
        for (int i = 0; i < colours && i < pixels; i++) {
            out[i * (pixels / colours)] = choice[i];
        }
        return out;
    }

    static Stream<PixelFormat> formats() {
        return Stream.of(PixelFormat.RGB888,
                PixelFormat.trueColour(32, 24, true, 255, 255, 255, 16, 8, 0),
                PixelFormat.trueColour(32, 24, false, 255, 255, 255, 24, 16, 8),
                PixelFormat.trueColour(32, 24, true, 255, 255, 255, 24, 16, 8),
                PixelFormat.RGB565,
                PixelFormat.BGR233);
    }

    /**
     * A 140x70 rectangle at (3,2) on a 150x80 desktop: 3x2 tiles, the right and bottom ones partial. Tile i
     * uses the i-th way of coding, with as many colours as that way allows.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void everySubencodingInEveryFormat(PixelFormat pf) {
        int width = 150;
        int height = 80;
        int rx = 3;
        int ry = 2;
        int rw = 140;
        int rh = 70;
        Random random = new Random(7);
        Encoder encoder = new Encoder(pf);
        ByteArrayOutputStream tiles = new ByteArrayOutputStream();
        int[] expected = new int[width * height];
        Arrays.fill(expected, 0xFF00_0000);
        int[] colourCounts = {50, 1, 2, 4, 16, 30};
        int index = 0;
        for (int ty = 0; ty < rh; ty += TILE) {
            for (int tx = 0; tx < rw; tx += TILE) {
                int tw = Math.min(TILE, rw - tx);
                int th = Math.min(TILE, rh - ty);
                int colours = Math.min(colourCounts[index], tw * th);
                int[] px = image(random, tw * th, colours, pf);
                switch (index) {
                    case 0 -> encoder.tile(tiles, px, Sub.RAW);
                    case 1 -> encoder.tile(tiles, px, Sub.SOLID);
                    case 2, 3, 4 -> encoder.packed(tiles, px, tw, th);
                    default -> encoder.tile(tiles, px, Sub.PALETTE_RLE);
                }
                for (int y = 0; y < th; y++) {
                    System.arraycopy(px, y * tw, expected, (ry + ty + y) * width + rx + tx, tw);
                }
                index++;
            }
        }
        byte[] server = ServerBytes.create().handshake38None(width, height, pf, "z")
                .updateHeader(1).rectHeader(rx, ry, rw, rh, Encodings.ZRLE)
                .bytes(encoder.body(tiles.toByteArray())).toByteArray();
        Feeder.Result r = Feeder.runEveryWay(KEEP_FORMAT, server);
        assertNull(r.failure());
        assertEquals(List.of("handshake 3.8 1 150x80 'z'", "update [140x70+3+2]"), r.events());
        assertArrayEquals(expected, r.pixels());
    }

    @Test
    void theZlibStreamContinuesAcrossRectanglesAndUpdates() {
        PixelFormat pf = PixelFormat.RGB888;
        Encoder encoder = new Encoder(pf);
        Random random = new Random(3);
        int[] first = image(random, 64 * 10, 5, pf);
        int[] second = first.clone(); // the same bytes again compress to a back-reference into the first
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        encoder.tile(a, first, Sub.PALETTE_RLE);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        encoder.tile(b, second, Sub.PALETTE_RLE);
        ServerBytes s = ServerBytes.create().handshake38None(64, 20, pf, "")
                .updateHeader(1).rectHeader(0, 0, 64, 10, Encodings.ZRLE).bytes(encoder.body(a.toByteArray()))
                .updateHeader(1).rectHeader(0, 10, 64, 10, Encodings.ZRLE).bytes(encoder.body(b.toByteArray()));
        Feeder.Result r = Feeder.runEveryWay(KEEP_FORMAT, s.toByteArray());
        assertNull(r.failure());
        int[] expected = new int[64 * 20];
        System.arraycopy(first, 0, expected, 0, first.length);
        System.arraycopy(second, 0, expected, first.length, second.length);
        assertArrayEquals(expected, r.pixels());
    }

    @Test
    void longRunsCrossManyLengthBytes() {
        PixelFormat pf = PixelFormat.RGB888;
        Encoder encoder = new Encoder(pf);
        int[] px = new int[64 * 64];
        Arrays.fill(px, 0xFF12_3456);
        Arrays.fill(px, 4000, 4096, 0xFF65_4321);
        ByteArrayOutputStream tiles = new ByteArrayOutputStream();
        encoder.tile(tiles, px, Sub.PLAIN_RLE);
        byte[] server = ServerBytes.create().handshake38None(64, 64, pf, "")
                .updateHeader(1).rectHeader(0, 0, 64, 64, Encodings.ZRLE)
                .bytes(encoder.body(tiles.toByteArray())).toByteArray();
        Feeder.Result r = Feeder.runEveryWay(KEEP_FORMAT, server);
        assertNull(r.failure());
        assertArrayEquals(px, r.pixels());
    }

    @Test
    void zrleIsAnnouncedAfterRawAndFirstWhenPreferred() {
        List<Integer> standard = DecoderRegistry.standard().encodings();
        assertEquals(List.of(Encodings.COPY_RECT, Encodings.RAW, Encodings.ZRLE), standard.subList(0, 3));
        List<Integer> preferring = DecoderRegistry.standard().preferring(Encodings.ZRLE).encodings();
        assertEquals(List.of(Encodings.ZRLE, Encodings.COPY_RECT, Encodings.RAW), preferring.subList(0, 3));
        assertEquals(standard.size(), preferring.size());
    }

    // Hostile data: each ends the session with a reason naming the problem.

    private static String failureOf(byte[] inflatedTiles, int w, int h) {
        Encoder encoder = new Encoder(PixelFormat.RGB888);
        return failureOfBody(encoder.body(inflatedTiles), w, h);
    }

    private static String failureOfBody(byte[] body, int w, int h) {
        byte[] server = ServerBytes.create().handshake38None(64, 64, PixelFormat.RGB888, "")
                .updateHeader(1).rectHeader(0, 0, w, h, Encodings.ZRLE).bytes(body).toByteArray();
        Feeder.Result r = Feeder.runEveryWay(KEEP_FORMAT, server);
        assertInstanceOf(RfbProtocolException.class, r.failure());
        return r.failure().getMessage();
    }

    private static void assertContains(String expected, String message) {
        assertTrue(message.contains(expected), message);
    }

    @Test
    void aLengthBeyondWhatTheTilesCanTakeIsRefusedBeforeReading() {
        // 4x4 pixels cannot need 2 GB; nothing after the length is sent, so waiting for it would hang.
        String message = failureOfBody(new byte[] {(byte) 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, 4, 4);
        assertContains("claims 2147483647 compressed bytes", message);
    }

    @Test
    void dataThatIsNotZlibIsRefused() {
        assertContains("not valid zlib", failureOfBody(new byte[] {0, 0, 0, 4, 1, 2, 3, 4}, 4, 4));
    }

    @Test
    void unknownSubencodingsAreRefused() {
        assertContains("unknown subencoding 17", failureOf(new byte[] {17}, 4, 4));
        assertContains("unknown subencoding 129", failureOf(new byte[] {(byte) 129}, 4, 4));
    }

    @Test
    void aPaletteIndexOutsideThePaletteIsRefused() {
        // Packed, 3 colours (2 bits an index), first index 3.
        assertContains("palette index 3 with 3 colours", failureOf(new byte[] {3, 1, 1, 1, 2, 2, 2, 3, 3, 3,
                (byte) 0xC0, 0, 0, 0}, 4, 4));
        // Palette RLE with 2 colours, index 5.
        assertContains("palette index 5 with 2 colours", failureOf(new byte[] {(byte) 130, 1, 1, 1, 2, 2, 2, 5},
                4, 4));
    }

    @Test
    void aRunPastTheTileIsRefused() {
        // Plain RLE on a 4x4 tile: one colour for 1 + 20 pixels.
        assertContains("a run longer than the 16 pixels left", failureOf(new byte[] {(byte) 128, 9, 9, 9, 20},
                4, 4));
    }

    @Test
    void dataEndingInsideATileIsRefused() {
        // A raw 4x4 tile with two pixels.
        assertContains("the data ends inside the tile", failureOf(new byte[] {0, 1, 2, 3, 4, 5, 6}, 4, 4));
    }

    @Test
    void dataInflatingBeyondTheBoundIsRefused() {
        // A 1x1 rectangle can take at most a few hundred inflated bytes; send a megabyte of zeros.
        String message = failureOf(new byte[1 << 20], 1, 1);
        assertTrue(message.contains("inflates beyond") || message.contains("claims"), message);
    }
}
