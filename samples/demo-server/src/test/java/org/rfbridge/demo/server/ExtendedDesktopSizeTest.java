// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rfbridge.demo.server.RfbTestClient.ReceivedRect;
import org.rfbridge.rfb.encoding.Encodings;

/** ExtendedDesktopSize and SetDesktopSize over a real socket: the announcement, resizes and refusals. */
@Timeout(20)
class ExtendedDesktopSizeTest {

    private static final int EDS = Encodings.EXTENDED_DESKTOP_SIZE;
    /** The 640x480 fixture's layout: one screen, id 0 at 0,0 covering it, flags 0. */
    private static final String SINGLE_640 = "01000000" + "00000000" + "0000" + "0000" + "0280" + "01e0" + "00000000";

    private static RfbTestClient extended(ServerFixture fixture) throws Exception {
        RfbTestClient client = fixture.connectReady();
        client.setEncodings(Encodings.RAW, EDS);
        client.requestFullUpdate(false);
        client.readUpdate();
        return client;
    }

    private static String body(RfbTestClient client) {
        return HexFormat.of().formatHex(client.pseudoBody(EDS));
    }

    @Test
    void theFirstUpdateAnnouncesTheSizeAndItsOneScreen() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = fixture.connectReady()) {
            client.setEncodings(Encodings.RAW, EDS);
            client.requestFullUpdate(false);
            List<ReceivedRect> rects = client.readUpdate();
            assertEquals(new ReceivedRect(0, 0, 640, 480, EDS, -1, -1), rects.get(0));
            assertEquals(SINGLE_640, body(client));
            FramebufferUpdateTest.assertCoversExactly(fixture.desktop.bounds(), rects.subList(1, rects.size()));
            assertArrayEquals(fixture.desktop.snapshot(), client.framebuffer());
            client.setEncodings(Encodings.RAW, EDS);
            fixture.desktop.keyEvent(true, 'k');
            client.requestFullUpdate(true);
            assertTrue(client.readUpdate().stream().noneMatch(r -> r.encoding() == EDS), "announced once");
        }
    }

    @Test
    void aResizeByAClientIsReasonOneForItTwoForOthersAndDesktopSizeForTheOld() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient asker = extended(fixture);
                RfbTestClient other = extended(fixture);
                RfbTestClient old = fixture.connectReady()) {
            old.setEncodings(Encodings.RAW, Encodings.DESKTOP_SIZE);
            old.requestFullUpdate(false);
            old.readUpdate();
            new ExtensionClient(asker, false).setDesktopSize(800, 600, new int[] {7, 0, 0, 800, 600, 5});
            asker.requestFullUpdate(true);
            assertEquals(List.of(new ReceivedRect(1, 0, 800, 600, EDS, -1, -1)), asker.readUpdate());
            String layout = "01000000" + "00000007" + "0000" + "0000" + "0320" + "0258" + "00000005";
            assertEquals(layout, body(asker), "the client's id and flags are kept");
            assertEquals(800, fixture.desktop.width());
            other.requestFullUpdate(true);
            assertEquals(List.of(new ReceivedRect(2, 0, 800, 600, EDS, -1, -1)), other.readUpdate());
            assertEquals(layout, body(other));
            old.requestFullUpdate(true);
            assertEquals(List.of(new ReceivedRect(0, 0, 800, 600, Encodings.DESKTOP_SIZE, -1, -1)), old.readUpdate());
            for (RfbTestClient c : List.of(asker, other, old)) {
                c.requestFullUpdate(true);
                c.readUpdate();
                assertArrayEquals(fixture.desktop.snapshot(), c.framebuffer(), "caught up at 800x600");
            }
            try (RfbTestClient late = fixture.connectReady()) {
                assertEquals(800, late.width());
                late.setEncodings(Encodings.RAW, EDS);
                late.requestFullUpdate(false);
                assertEquals(new ReceivedRect(0, 0, 800, 600, EDS, -1, -1), late.readUpdate().get(0));
                assertEquals(layout, body(late), "a newcomer learns the layout the desktop has");
            }
        }
    }

    @Test
    void aLayoutOfSeveralScreensIsKeptAsSent() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = extended(fixture)) {
            new ExtensionClient(client, false).setDesktopSize(1600, 600,
                    new int[] {1, 0, 0, 800, 600, 0}, new int[] {0x80000002, 800, 0, 800, 600, 0x10});
            client.requestFullUpdate(true);
            assertEquals(List.of(new ReceivedRect(1, 0, 1600, 600, EDS, -1, -1)), client.readUpdate());
            assertEquals("02000000" + "00000001" + "0000" + "0000" + "0320" + "0258" + "00000000"
                    + "80000002" + "0320" + "0000" + "0320" + "0258" + "00000010", body(client));
        }
    }

    @Test
    void theDesktopsOwnResizeIsReasonZeroWithOneScreen() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = extended(fixture)) {
            new ExtensionClient(client, false).setDesktopSize(1600, 600,
                    new int[] {1, 0, 0, 800, 600, 0}, new int[] {2, 800, 0, 800, 600, 0});
            client.requestFullUpdate(true);
            client.readUpdate();
            fixture.desktop.resize(800, 600);
            client.requestFullUpdate(true);
            assertEquals(List.of(new ReceivedRect(0, 0, 800, 600, EDS, -1, -1)), client.readUpdate());
            assertEquals("01000000" + "00000000" + "0000" + "0000" + "0320" + "0258" + "00000000", body(client));
        }
    }

    static Stream<Arguments> refusals() {
        int[] whole = {0, 0, 0, 800, 600, 0};
        return Stream.of(
                Arguments.of("no screens", 800, 600, new int[][] {}, 3),
                Arguments.of("a screen beyond the width", 800, 600, new int[][] {{0, 0, 0, 801, 600, 0}}, 3),
                Arguments.of("a screen beyond the height", 800, 600, new int[][] {whole, {1, 0, 100, 800, 501, 0}}, 3),
                Arguments.of("a screen of no width", 800, 600, new int[][] {{0, 10, 10, 0, 5, 0}}, 3),
                Arguments.of("width 0", 0, 600, new int[][] {{0, 0, 0, 0, 600, 0}}, 3),
                Arguments.of("larger than the desktop allows", 5000, 4000, new int[][] {{0, 0, 0, 5000, 4000, 0}}, 2),
                Arguments.of("smaller than the desktop allows", 100, 100, new int[][] {{0, 0, 0, 100, 100, 0}}, 2));
    }

    @ParameterizedTest(name = "{0}: status {4}")
    @MethodSource("refusals")
    void aRefusalAnswersWithTheSizeAndLayoutAsTheyAre(String label, int width, int height, int[][] screens,
            int status) throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = extended(fixture)) {
            new ExtensionClient(client, false).setDesktopSize(width, height, screens);
            client.requestFullUpdate(true);
            List<ReceivedRect> rects = client.readUpdate();
            assertEquals(new ReceivedRect(1, status, 640, 480, EDS, -1, -1), rects.get(0), label);
            assertEquals(SINGLE_640, body(client));
            assertEquals(640, fixture.desktop.width(), "the desktop kept its size");
            fixture.desktop.keyEvent(true, 'z');
            client.requestFullUpdate(true);
            assertFalse(client.readUpdate().isEmpty(), "the session goes on");
            assertArrayEquals(fixture.desktop.snapshot(), client.framebuffer());
        }
    }

    @Test
    void withRemoteResizeOffEveryRequestIsProhibited() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(ServerFixture.options().withRemoteResize(false));
                RfbTestClient client = extended(fixture)) {
            new ExtensionClient(client, false).setDesktopSize(800, 600, new int[] {0, 0, 0, 800, 600, 0});
            client.requestFullUpdate(true);
            assertEquals(new ReceivedRect(1, 1, 640, 480, EDS, -1, -1), client.readUpdate().get(0));
            assertEquals(640, fixture.desktop.width());
        }
    }

    @Test
    void aLayoutOf255ScreensIsReadScreenByScreenAndKept() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = extended(fixture)) {
            int[][] screens = new int[255][];
            for (int i = 0; i < screens.length; i++) {
                screens[i] = new int[] {i, i, i, 1, 1, 0};
            }
            new ExtensionClient(client, false).setDesktopSize(640, 480, screens);
            client.requestFullUpdate(true);
            assertEquals(List.of(new ReceivedRect(1, 0, 640, 480, EDS, -1, -1)), client.readUpdate());
            byte[] body = client.pseudoBody(EDS);
            assertEquals(4 + 255 * 16, body.length);
            assertEquals(255, body[0] & 0xFF);
            assertEquals(254, ExtensionClient.u32(body, 4 + 254 * 16), "the last screen's id");
        }
    }

    @Test
    void setDesktopSizeFromAClientWithoutTheExtensionChangesNothing() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = fixture.connectReady()) {
            client.setEncodings(Encodings.RAW, Encodings.DESKTOP_SIZE);
            new ExtensionClient(client, false).setDesktopSize(800, 600, new int[] {0, 0, 0, 800, 600, 0});
            client.type('q');
            client.requestFullUpdate(false);
            List<ReceivedRect> rects = client.readUpdate();
            assertEquals(640, fixture.desktop.width());
            FramebufferUpdateTest.assertCoversExactly(fixture.desktop.bounds(), rects);
        }
    }
}
