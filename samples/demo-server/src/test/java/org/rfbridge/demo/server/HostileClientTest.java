// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each malformed message ends only the session that sent it; the others carry on. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileClientTest {

    static Stream<Arguments> fatalMessages() {
        return Stream.of(
                Arguments.of("24 bits per pixel", setPixelFormat("18180001" + "00ff00ff00ff" + "100800")),
                Arguments.of("colour-map pixel format", setPixelFormat("08080000" + "000000000000" + "000000")),
                Arguments.of("red-max not 2^n-1", setPixelFormat("20180001" + "00fe00ff00ff" + "100800")),
                Arguments.of("overlapping channels", setPixelFormat("20180001" + "00ff00ff00ff" + "100400")),
                Arguments.of("channel beyond the pixel", setPixelFormat("10100001" + "001f003f001f" + "0c0500")),
                Arguments.of("depth 0", setPixelFormat("20000001" + "00ff00ff00ff" + "100800")),
                Arguments.of("huge ClientCutText length", HexFormat.of().parseHex("06000000fffffff0")),
                Arguments.of("extended clipboard length", HexFormat.of().parseHex("0600000080000010")),
                Arguments.of("unknown message type 99", HexFormat.of().parseHex("63000000000000000000")),
                Arguments.of("FixColourMapEntries (type 1)", HexFormat.of().parseHex("01000000000000")),
                Arguments.of("QEMU message without the extension", HexFormat.of().parseHex("ff00000000")),
                Arguments.of("QEMU submessage 1", announcing(QEMU_KEYS, "ff01000000000000000000")),
                Arguments.of("Fence payload of 65 bytes",
                        HexFormat.of().parseHex("f800000080000000" + "41" + "00".repeat(65))),
                Arguments.of("EnableContinuousUpdates wider than the framebuffer",
                        HexFormat.of().parseHex("96010000000002810001")),
                Arguments.of("EnableContinuousUpdates below the framebuffer",
                        HexFormat.of().parseHex("96010000010002800100")),
                Arguments.of("extended clipboard of 2 bytes", announcing(CLIPBOARD, "06000000fffffffe0000")),
                Arguments.of("extended clipboard without an action",
                        announcing(CLIPBOARD, "06000000fffffffc00000001")),
                Arguments.of("extended clipboard with two actions",
                        announcing(CLIPBOARD, "06000000fffffffc18000001")),
                Arguments.of("extended clipboard caps shorter than its sizes",
                        announcing(CLIPBOARD, "06000000fffffff80100000300000000")),
                Arguments.of("extended clipboard provide that is not zlib",
                        announcing(CLIPBOARD, "06000000fffffff610000001010203040506")));
    }

    private static final String QEMU_KEYS = "fffffefe";
    private static final String CLIPBOARD = "c0a1e5ce";

    /** SetEncodings with just {@code encodingHex}, then {@code messageHex}. */
    private static byte[] announcing(String encodingHex, String messageHex) {
        return HexFormat.of().parseHex("02000001" + encodingHex + messageHex);
    }

    private static byte[] setPixelFormat(String pixelFormatHexWithoutPadding) {
        return HexFormat.of().parseHex("00000000" + pixelFormatHexWithoutPadding + "000000");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fatalMessages")
    void badMessageClosesOnlyItsOwnSession(String label, byte[] message) throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
             RfbTestClient bystander = fixture.connectReady();
             RfbTestClient hostile = fixture.connectReady()) {
            fixture.awaitSessions(2);
            hostile.send(message);
            assertTrue(hostile.closedWithin(2000), label + ": hostile session closed");
            fixture.awaitSessions(1);
            bystander.requestFullUpdate(false);
            bystander.readUpdate();
            assertArrayEquals(fixture.desktop.snapshot(), bystander.framebuffer(), "the bystander is still served");
        }
    }

    @Test
    void oversizedCutTextIsSkippedAndTheSessionGoesOn() throws Exception {
        ServerOptions options = ServerFixture.options().withMaxCutText(1000);
        try (ServerFixture fixture = ServerFixture.start(options);
             RfbTestClient client = fixture.connectReady()) {
            client.cutText(new byte[5000]);
            client.requestFullUpdate(false);
            client.readUpdate();
            assertArrayEquals(fixture.desktop.snapshot(), client.framebuffer());
            assertTrue(fixture.desktop.recentLog().contains("client #1 clipboard of 5000 bytes skipped (too long)"),
                    String.valueOf(fixture.desktop.recentLog()));
            assertFalse(client.closedWithin(100));
        }
    }

    @Test
    void outOfRangePointerAndLongEncodingListAreHarmless() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
             RfbTestClient client = fixture.connectReady()) {
            client.pointer(0xFF, 65535, 65535);
            int[] many = new int[65535];
            for (int i = 0; i < many.length; i++) {
                many[i] = i * 7919 - 300000;
            }
            client.setEncodings(many);
            client.requestFullUpdate(false);
            client.readUpdate();
            assertArrayEquals(fixture.desktop.snapshot(), client.framebuffer());
        }
    }

    @Test
    void truncatedMessageEndsTheSessionWhenTheClientLeaves() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
             RfbTestClient client = fixture.connectReady()) {
            fixture.awaitSessions(1);
            client.send(HexFormat.of().parseHex("0300000000"));
            client.close();
            fixture.awaitSessions(0);
        }
    }

    @Test
    void clientsBeyondTheLimitAreRefused() throws Exception {
        ServerOptions options = ServerFixture.options().withMaxClients(2);
        try (ServerFixture fixture = ServerFixture.start(options);
             RfbTestClient first = fixture.connectReady();
             RfbTestClient second = fixture.connectReady()) {
            try (RfbTestClient third = fixture.connect()) {
                assertTrue(third.closedWithin(2000), "the third client is refused");
            }
            first.close();
            fixture.awaitSessions(1);
            try (RfbTestClient again = fixture.connectReady()) {
                again.requestFullUpdate(false);
                again.readUpdate();
                assertEquals(640, again.width());
            }
            second.requestFullUpdate(false);
            second.readUpdate();
        }
    }

    @Test
    void garbageAfterTheHandshakeNeverReachesOtherSessions() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
             RfbTestClient bystander = fixture.connectReady()) {
            bystander.requestFullUpdate(false);
            bystander.readUpdate();
            java.util.Random random = new java.util.Random(42);
            for (int round = 0; round < 20; round++) {
                try (RfbTestClient hostile = fixture.connectReady()) {
                    byte[] garbage = new byte[1 + random.nextInt(64)];
                    random.nextBytes(garbage);
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    new DataOutputStream(bytes).write(garbage);
                    hostile.send(bytes.toByteArray());
                }
            }
            fixture.awaitSessions(1);
            bystander.requestFullUpdate(true);
            bystander.readUpdate();
            assertArrayEquals(fixture.desktop.snapshot(), bystander.framebuffer());
        }
    }
}
