// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.io.RfbOutput;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.testing.Feeder;
import org.rfbridge.rfb.testing.ServerBytes;

/**
 * Every server message and every decoder, delivered whole, one byte at a time and in random chunks
 * ({@link Feeder#runEveryWay}): the same events, pixels and sent bytes each way, and the exact ones expected.
 */
@Timeout(20)
class ServerMessagesTest {
    private static final int BLACK = 0xFF00_0000;
    private static final int WHITE = 0xFFFF_FFFF;
    private static final int RED = 0xFFFF_0000;
    private static final int GREEN = 0xFF00_FF00;
    private static final int BLUE = 0xFF00_00FF;
    private static final int YELLOW = 0xFFFF_FF00;

    private static final ConnectionOptions DEFAULTS = ConnectionOptions.defaults();

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** What the client sends after ServerInit with default options, for a {@code w} x {@code h} desktop. */
    private static String setupMessages(int w, int h) {
        RfbOutput out = new RfbOutput();
        ClientMessageWriter writer = new ClientMessageWriter(out);
        writer.setPixelFormat(PixelFormat.RGB888);
        writer.setEncodings(new AdaptiveEncoding(EncodingPreferences.auto(), DecoderRegistry.standard()).encodings());
        writer.framebufferUpdateRequest(false, 0, 0, w, h);
        return hex(out.take());
    }

    private static String request(boolean incremental, int w, int h) {
        RfbOutput out = new RfbOutput();
        new ClientMessageWriter(out).framebufferUpdateRequest(incremental, 0, 0, w, h);
        return hex(out.take());
    }

    private static final String HANDSHAKE_38_NONE_SENT = "524642203030332e3030380a" + "01" + "01";

    @Test
    void handshakeThenSetupMessagesExactBytes() {
        byte[] server = ServerBytes.create().handshake38None(4, 2, PixelFormat.RGB888, "desk").toByteArray();
        Feeder.Result r = Feeder.runEveryWay(DEFAULTS, server);
        assertNull(r.failure());
        assertEquals(List.of("handshake 3.8 1 4x2 'desk'"), r.events());
        assertEquals(HANDSHAKE_38_NONE_SENT
                + "00000000" + "20180001" + "00ff00ff00ff" + "100800" + "000000" // SetPixelFormat RGB888
                + "0200" + "0019" + "00000007" + "00000001" + "00000010" + "00000005" + "00000006" + "00000002"
                + "00000000" + "fffffefc" + "ffffffe6" + "fffffe50" + "fffffd02" + "ffffff02" + "fffffec6"
                + "ffffff11" + "ffffff10"
                + "ffffff21" + "ffffff20" + "fffffecc" + "fffffec8" + "fffffec7"
                + "c0a1e5ce" + "fffffefe" + "fffffefb" + "fffffecd" + "fffffecb" // SetEncodings
                + "03" + "00" + "0000" + "0000" + "0004" + "0002", // FramebufferUpdateRequest, whole screen
                hex(r.sent()));
        assertArrayEquals(new int[] {BLACK, BLACK, BLACK, BLACK, BLACK, BLACK, BLACK, BLACK}, r.pixels());
    }

    static Stream<PixelFormat> serverFormats() {
        return Stream.of(PixelFormat.RGB888,
                PixelFormat.trueColour(32, 24, true, 255, 255, 255, 16, 8, 0),
                PixelFormat.trueColour(32, 24, false, 255, 255, 255, 0, 8, 16),
                PixelFormat.trueColour(32, 24, true, 255, 255, 255, 0, 8, 16),
                PixelFormat.RGB565,
                PixelFormat.trueColour(16, 16, true, 31, 63, 31, 11, 5, 0),
                PixelFormat.trueColour(16, 15, false, 31, 31, 31, 10, 5, 0),
                PixelFormat.BGR233,
                PixelFormat.trueColour(8, 8, true, 7, 7, 3, 5, 2, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverFormats")
    void rawInTheServersOwnFormat(PixelFormat pf) {
        int[] colours = {WHITE, RED, GREEN, BLUE, YELLOW, BLACK};
        byte[] server = ServerBytes.create().handshake38None(4, 2, pf, "")
                .updateHeader(1).rawRect(1, 0, 3, 2, pf, colours).toByteArray();
        ConnectionOptions keep = DEFAULTS.toBuilder().keepServerPixelFormat(true).build();
        Feeder.Result r = Feeder.runEveryWay(keep, server);
        assertNull(r.failure());
        assertEquals(List.of("handshake 3.8 1 4x2 ''", "update [3x2+1+0]"), r.events());
        assertArrayEquals(new int[] {BLACK, WHITE, RED, GREEN, BLACK, BLUE, YELLOW, BLACK}, r.pixels());
        // No SetPixelFormat when keeping the server's; the next request is incremental.
        RfbOutput expected = new RfbOutput();
        ClientMessageWriter writer = new ClientMessageWriter(expected);
        writer.setEncodings(new AdaptiveEncoding(EncodingPreferences.auto(), DecoderRegistry.standard()).encodings());
        writer.framebufferUpdateRequest(false, 0, 0, 4, 2);
        writer.framebufferUpdateRequest(true, 0, 0, 4, 2);
        assertEquals(HANDSHAKE_38_NONE_SENT + hex(expected.take()), hex(r.sent()));
    }

    @Test
    void rawInTheRequestedDefaultFormat() {
        PixelFormat serverNative = PixelFormat.RGB565;
        int[] colours = {0xFF12_3456, 0xFFAB_CDEF};
        byte[] server = ServerBytes.create().handshake38None(2, 1, serverNative, "x")
                .updateHeader(1).rawRect(0, 0, 2, 1, PixelFormat.RGB888, colours).toByteArray();
        Feeder.Result r = Feeder.runEveryWay(DEFAULTS, server);
        assertArrayEquals(colours, r.pixels());
        assertEquals(HANDSHAKE_38_NONE_SENT + setupMessages(2, 1) + request(true, 2, 1), hex(r.sent()));
        assertEquals(PixelFormat.RGB888, r.connection().pixelFormat());
        assertEquals(serverNative, r.connection().sessionInfo().serverPixelFormat());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("colourMapFormats")
    void colourMapEntriesThenRaw(PixelFormat pf) {
        int first = pf.bitsPerPixel() == 8 ? 250 : 0x1230;
        ServerBytes s = ServerBytes.create().handshake38None(3, 1, pf, "map")
                .colourMapEntries(first, 0xFF10_2030, 0xFFFF_8000, 0xFF00_00FE)
                .updateHeader(1).rectHeader(0, 0, 3, 1, Encodings.RAW);
        byte[] px = new byte[pf.bytesPerPixel()];
        for (int value : new int[] {first + 2, first, 7}) {
            pf.writeValue(value, px, 0);
            s.bytes(px);
        }
        ConnectionOptions keep = DEFAULTS.toBuilder().keepServerPixelFormat(true).build();
        Feeder.Result r = Feeder.runEveryWay(keep, s.toByteArray());
        assertNull(r.failure());
        // Entry 7 was never set: opaque black.
        assertArrayEquals(new int[] {0xFF00_00FE, 0xFF10_2030, BLACK}, r.pixels());
    }

    static Stream<PixelFormat> colourMapFormats() {
        // Only 8-bit colour maps exist (PixelFormat#validate); both byte orders announce the same pixels.
        return Stream.of(PixelFormat.colourMapped(8, 8, false), PixelFormat.colourMapped(8, 8, true));
    }

    @Test
    void copyRectOverlappingItsSourceReadsTheSourceFirst() {
        int[] start = new int[12];
        for (int i = 0; i < start.length; i++) {
            start[i] = 0xFF00_0000 | i * 0x111111;
        }
        byte[] server = ServerBytes.create().handshake38None(4, 3, PixelFormat.RGB888, "")
                .updateHeader(2).rawRect(0, 0, 4, 3, PixelFormat.RGB888, start).copyRect(1, 1, 3, 2, 0, 0)
                .toByteArray();
        Feeder.Result r = Feeder.runEveryWay(DEFAULTS, server);
        int[] expected = start.clone();
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                expected[(y + 1) * 4 + x + 1] = start[y * 4 + x];
            }
        }
        assertArrayEquals(expected, r.pixels());
        assertEquals("update [4x3+0+0, 3x2+1+1]", r.events().get(1));
    }

    @Test
    void desktopSizeReplacesTheFramebufferAndAsksForAllOfIt() {
        byte[] server = ServerBytes.create().handshake38None(2, 2, PixelFormat.RGB888, "")
                .updateHeader(2).desktopSize(3, 1).rawRect(0, 0, 3, 1, PixelFormat.RGB888, new int[] {RED, GREEN, BLUE})
                .toByteArray();
        Feeder.Result r = Feeder.runEveryWay(DEFAULTS, server);
        assertNull(r.failure());
        assertEquals(List.of("handshake 3.8 1 2x2 ''", "resize 3x1", "update [3x1+0+0, 3x1+0+0]"), r.events());
        assertArrayEquals(new int[] {RED, GREEN, BLUE}, r.pixels());
        assertEquals(HANDSHAKE_38_NONE_SENT + setupMessages(2, 2) + request(false, 3, 1), hex(r.sent()));
    }

    @Test
    void lastRectEndsAnUpdateOfUnknownLength() {
        byte[] server = ServerBytes.create().handshake38None(2, 1, PixelFormat.RGB888, "")
                .updateHeader(0xFFFF).rawRect(1, 0, 1, 1, PixelFormat.RGB888, new int[] {WHITE}).lastRect()
                .bell().toByteArray();
        Feeder.Result r = Feeder.runEveryWay(DEFAULTS, server);
        assertNull(r.failure());
        assertEquals(List.of("handshake 3.8 1 2x1 ''", "update [1x1+1+0]", "bell"), r.events());
        assertArrayEquals(new int[] {BLACK, WHITE}, r.pixels());
    }

    @Test
    void cursorShapeFoldsTheMaskIntoAlpha() {
        int[] image = {RED, GREEN, BLUE, WHITE, YELLOW, 0xFF12_3456, BLACK, 0xFF80_8080, 0xFF01_0203, RED};
        // 10 wide: two mask bytes per row; row 0 has pixels 0, 2 and 9 set, row 1 has none but 8.
        byte[] mask = {(byte) 0b1010_0000, (byte) 0b0100_0000, 0, (byte) 0b1000_0000};
        int[] pixels = new int[20];
        System.arraycopy(image, 0, pixels, 0, 10);
        System.arraycopy(image, 0, pixels, 10, 10);
        byte[] server = ServerBytes.create().handshake38None(2, 1, PixelFormat.RGB888, "")
                .updateHeader(1).cursor(3, 1, 10, 2, PixelFormat.RGB888, pixels, mask).toByteArray();
        Feeder.Result r = Feeder.runEveryWay(DEFAULTS, server);
        assertNull(r.failure());
        int[] expected = new int[20];
        for (int i = 0; i < 20; i++) {
            expected[i] = pixels[i] & 0x00FF_FFFF;
        }
        expected[0] |= 0xFF00_0000;
        expected[2] |= 0xFF00_0000;
        expected[9] |= 0xFF00_0000;
        expected[18] |= 0xFF00_0000;
        assertEquals(List.of("handshake 3.8 1 2x1 ''", "cursor CursorShape[10x2 hotspot 3,1] " + Arrays.hashCode(expected),
                "update []"), r.events());
    }

    @Test
    void bellAndServerCutText() {
        byte[] server = ServerBytes.create().handshake38None(1, 1, PixelFormat.RGB888, "")
                .bell().cutText("h\u00e9llo").cutText("").bell().toByteArray();
        Feeder.Result r = Feeder.runEveryWay(DEFAULTS, server);
        assertEquals(List.of("handshake 3.8 1 1x1 ''", "bell", "cut h\u00e9llo", "cut ", "bell"), r.events());
    }

    @Test
    void cutTextOverTheCapIsSkippedAndTheSessionGoesOn() {
        ConnectionOptions capped = DEFAULTS.toBuilder().maxCutTextBytes(16).build();
        byte[] server = ServerBytes.create().handshake38None(1, 1, PixelFormat.RGB888, "")
                .cutText("x".repeat(5000)).cutText("short").bell().toByteArray();
        Feeder.Result r = Feeder.runEveryWay(capped, server);
        assertNull(r.failure());
        assertEquals(List.of("handshake 3.8 1 1x1 ''", "cut short", "bell"), r.events());
    }

    @Test
    void emptyRectanglesPaintNothing() {
        byte[] server = ServerBytes.create().handshake38None(2, 1, PixelFormat.RGB888, "")
                .updateHeader(2).rawRect(2, 1, 0, 0, PixelFormat.RGB888, new int[0]).copyRect(0, 0, 0, 1, 2, 0)
                .updateHeader(0).toByteArray();
        Feeder.Result r = Feeder.runEveryWay(DEFAULTS, server);
        assertNull(r.failure());
        assertEquals(List.of("handshake 3.8 1 2x1 ''", "update []", "update []"), r.events());
    }

    @Test
    void theNextRequestGoesOutAtOnceButTheNextUpdateWaitsForTheConsumer() throws Exception {
        byte[] server = ServerBytes.create().handshake38None(2, 1, PixelFormat.RGB888, "")
                .updateHeader(1).rawRect(0, 0, 1, 1, PixelFormat.RGB888, new int[] {RED})
                .updateHeader(1).rawRect(1, 0, 1, 1, PixelFormat.RGB888, new int[] {GREEN}).toByteArray();
        Feeder.Result r = Feeder.runEveryWay(DEFAULTS, server, false);
        assertEquals(2, r.events().size(), "the second update waits for the consumer");
        assertTrue(r.connection().holdsBack());
        assertEquals(HANDSHAKE_38_NONE_SENT + setupMessages(2, 1) + request(true, 2, 1), hex(r.sent()),
                "the next update asked for while the consumer draws this one");
        assertEquals(0xFF00_0000, r.connection().framebuffer().getPixel(1, 0), "not painted yet");
        r.connection().updateConsumed();
        while (r.connection().step()) {
            // the held update
        }
        assertEquals(0xFF00_FF00, r.connection().framebuffer().getPixel(1, 0) | 0xFF00_0000);
        assertEquals(request(true, 2, 1), hex(r.connection().takeOutput()), "and the one after it");
        r.connection().updateConsumed();
        assertEquals("", hex(r.connection().takeOutput()), "one request outstanding at a time");
    }

    @Test
    void aFenceBehindAnUpdateIsReadAndAnsweredWhileTheUpdateAfterItWaitsForTheConsumer() throws Exception {
        RfbConnection connection = new RfbConnection(DEFAULTS, new ConnectionEvents() { });
        connection.receive(ServerBytes.create().handshake38None(2, 1, PixelFormat.RGB888, "")
                .updateHeader(1).rawRect(0, 0, 1, 1, PixelFormat.RGB888, new int[] {RED}).toByteArray());
        while (connection.step()) {
            // the handshake and the first update, which the consumer does not take
        }
        connection.takeOutput();
        assertFalse(connection.holdsBack(), "nothing buffered: reading goes on, a fence may come");
        connection.receive(new byte[] {(byte) 0xf8, 0, 0, 0, (byte) 0x80, 0, 0, 0, 1, 7});
        while (connection.step()) {
            // the fence
        }
        assertEquals("f8000000000000000107", hex(connection.takeOutput()), "answered before the consumer drew");
        assertFalse(connection.holdsBack());
        connection.receive(ServerBytes.create().updateHeader(1)
                .rawRect(1, 0, 1, 1, PixelFormat.RGB888, new int[] {GREEN}).toByteArray());
        assertFalse(connection.step(), "the next update waits");
        assertTrue(connection.holdsBack(), "and reading stops behind it");
        assertEquals(0xFF00_0000, connection.framebuffer().getPixel(1, 0), "not painted yet");
    }

    @Test
    void unknownMessageTypeIsNamed() {
        byte[] server = ServerBytes.create().handshake38None(1, 1, PixelFormat.RGB888, "").u8(99).toByteArray();
        Feeder.Result r = Feeder.runEveryWay(DEFAULTS, server);
        assertInstanceOf(RfbProtocolException.class, r.failure());
        assertEquals("unknown server message type 99", r.failure().getMessage());
    }

    @Test
    void encodingsNotAskedForAreNamedWithTheirNumber() {
        byte[] corre = ServerBytes.create().handshake38None(4, 4, PixelFormat.RGB888, "")
                .updateHeader(1).rectHeader(0, 0, 1, 1, Encodings.CORRE).toByteArray();
        Feeder.Result r = Feeder.runEveryWay(DEFAULTS, corre);
        assertInstanceOf(RfbProtocolException.class, r.failure());
        assertTrue(r.failure().getMessage().contains("CoRRE (4)"), r.failure().getMessage());
        byte[] odd = ServerBytes.create().handshake38None(4, 4, PixelFormat.RGB888, "")
                .updateHeader(1).rectHeader(0, 0, 1, 1, 0x1234_5678).toByteArray();
        Feeder.Result r2 = Feeder.runEveryWay(DEFAULTS, odd);
        assertTrue(r2.failure().getMessage().contains("305419896"), r2.failure().getMessage());
    }
}
