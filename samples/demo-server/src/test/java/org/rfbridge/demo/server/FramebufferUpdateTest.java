// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rfbridge.demo.desktop.DesktopLayout;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.demo.server.RfbTestClient.ReceivedRect;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.pixel.PixelFormat;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FramebufferUpdateTest {

    private ServerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = ServerFixture.start();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    static Stream<Arguments> pixelFormats() {
        return Stream.of(
                Arguments.of("32 bpp little-endian RGB", new PixelFormat(32, 24, false, true, 255, 255, 255, 16, 8, 0)),
                Arguments.of("32 bpp big-endian RGB", new PixelFormat(32, 24, true, true, 255, 255, 255, 16, 8, 0)),
                Arguments.of("32 bpp little-endian BGR", new PixelFormat(32, 24, false, true, 255, 255, 255, 0, 8, 16)),
                Arguments.of("32 bpp big-endian, channels high", new PixelFormat(32, 32, true, true, 255, 255, 255, 24, 16, 8)),
                Arguments.of("16 bpp 565 little-endian", new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0)),
                Arguments.of("16 bpp 565 big-endian", new PixelFormat(16, 16, true, true, 31, 63, 31, 11, 5, 0)),
                Arguments.of("16 bpp 555 big-endian", new PixelFormat(16, 15, true, true, 31, 31, 31, 10, 5, 0)),
                Arguments.of("8 bpp BGR233", new PixelFormat(8, 8, false, true, 7, 7, 3, 0, 3, 6)),
                Arguments.of("8 bpp RGB332", new PixelFormat(8, 8, false, true, 7, 7, 3, 5, 2, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pixelFormats")
    void colourBarsDecodeExactlyInEveryPixelFormat(String label, PixelFormat format) throws Exception {
        try (RfbTestClient client = fixture.connectReady()) {
            client.setPixelFormat(format);
            List<Rect> bars = fixture.desktop.layout().colourBars();
            Rect area = bars.get(0).union(bars.get(bars.size() - 1));
            client.requestUpdate(false, area.x(), area.y(), area.width(), area.height());
            List<ReceivedRect> rects = client.readUpdate();
            assertCoversExactly(area, rects);
            for (int i = 0; i < bars.size(); i++) {
                Rect bar = bars.get(i);
                for (int y = bar.y(); y < bar.bottom(); y++) {
                    for (int x = bar.x(); x < bar.right(); x++) {
                        assertEquals(DesktopLayout.BAR_COLOURS[i], client.pixel(x, y),
                                label + ": bar " + i + " at " + x + "," + y);
                    }
                }
            }
        }
    }

    @Test
    void fullUpdateReproducesTheDesktop() throws Exception {
        try (RfbTestClient client = fixture.connectReady()) {
            client.requestFullUpdate(false);
            List<ReceivedRect> rects = client.readUpdate();
            assertCoversExactly(new Rect(0, 0, 640, 480), rects);
            assertArrayEquals(fixture.desktop.snapshot(), client.framebuffer());
        }
    }

    @Test
    void requestForPartOfTheScreenGetsExactlyThatPart() throws Exception {
        try (RfbTestClient client = fixture.connectReady()) {
            client.requestUpdate(false, 10, 20, 30, 40);
            assertCoversExactly(new Rect(10, 20, 30, 40), client.readUpdate());
        }
    }

    @Test
    void requestBeyondTheScreenIsClipped() throws Exception {
        try (RfbTestClient client = fixture.connectReady()) {
            client.requestUpdate(false, 600, 450, 1000, 1000);
            assertCoversExactly(new Rect(600, 450, 40, 30), client.readUpdate());
        }
    }

    @Test
    void incrementalRequestWaitsForAChangeAndSendsOnlyWhatChanged() throws Exception {
        try (RfbTestClient client = fixture.connectReady()) {
            client.requestFullUpdate(false);
            client.readUpdate();
            client.requestFullUpdate(true);
            assertTrue(client.silentFor(300), "no update while nothing changes");
            fixture.desktop.keyEvent(true, 'x');
            List<ReceivedRect> rects = client.readUpdate();
            Rect echo = fixture.desktop.layout().echoPanel();
            Rect status = fixture.desktop.layout().statusBar();
            for (ReceivedRect r : rects) {
                Rect rect = new Rect(r.x(), r.y(), r.width(), r.height());
                assertTrue(echo.contains(rect) || status.contains(rect), rect + " lies in the echo panel or status bar");
            }
            long pixels = rects.stream().mapToLong(r -> (long) r.width() * r.height()).sum();
            assertTrue(pixels < 640L * 480 / 10, "a key sends a small part of the screen, not " + pixels + " pixels");
            assertArrayEquals(fixture.desktop.snapshot(), client.framebuffer());
        }
    }

    @Test
    void typedKeysChangeTheEchoArea() throws Exception {
        try (RfbTestClient client = fixture.connectReady()) {
            client.requestFullUpdate(false);
            client.readUpdate();
            Rect echo = fixture.desktop.layout().echoPanel();
            int[] before = region(client, echo);
            for (int keysym : new int[] {'H', 'i', '!', 0xFF08, 0xFF0D, 0xE9, 0x010000FC, 0xFFE1}) {
                client.type(keysym);
            }
            client.requestFullUpdate(true);
            client.readUpdate();
            assertEquals("Hi\néü", fixture.desktop.echoText());
            assertFalse(Arrays.equals(before, region(client, echo)), "the echo panel changed on the client");
            assertArrayEquals(fixture.desktop.snapshot(), client.framebuffer());
        }
    }

    @Test
    void logScrollIsSentAsCopyRectWhenTheClientAskedForIt() throws Exception {
        try (RfbTestClient client = fixture.connectReady()) {
            client.setEncodings(Encodings.COPY_RECT, Encodings.RAW, Encodings.DESKTOP_SIZE, 16, -239);
            client.requestFullUpdate(false);
            client.readUpdate();
            Rect text = fixture.desktop.layout().logText();
            int line = fixture.desktop.layout().lineHeight();
            for (int i = 0; i < 5; i++) {
                fixture.desktop.log("scroll line " + i);
                client.requestFullUpdate(true);
                List<ReceivedRect> rects = client.readUpdate();
                ReceivedRect first = rects.get(0);
                assertEquals(new ReceivedRect(text.x(), text.y(), text.width(), text.height() - line,
                        Encodings.COPY_RECT, text.x(), text.y() + line), first, "the scroll comes first, as CopyRect");
                assertEquals(1, rects.stream().filter(r -> r.encoding() == Encodings.COPY_RECT).count());
                assertArrayEquals(fixture.desktop.snapshot(), client.framebuffer(), "after scroll " + i);
            }
        }
    }

    @Test
    void logScrollIsNeverCopyRectWhenTheClientDidNotAsk() throws Exception {
        try (RfbTestClient rawOnly = fixture.connectReady();
             RfbTestClient noSetEncodings = fixture.connectReady()) {
            rawOnly.setEncodings(Encodings.RAW, Encodings.DESKTOP_SIZE);
            for (RfbTestClient client : List.of(rawOnly, noSetEncodings)) {
                client.requestFullUpdate(false);
                client.readUpdate();
            }
            for (int i = 0; i < 5; i++) {
                fixture.desktop.log("scroll line " + i);
                for (RfbTestClient client : List.of(rawOnly, noSetEncodings)) {
                    client.requestFullUpdate(true);
                    for (ReceivedRect r : client.readUpdate()) {
                        assertEquals(Encodings.RAW, r.encoding(), "only Raw without CopyRect in SetEncodings");
                    }
                    assertArrayEquals(fixture.desktop.snapshot(), client.framebuffer());
                }
            }
        }
    }

    @Test
    void scrollsPilingUpBeforeARequestStillReproduceTheDesktop() throws Exception {
        try (RfbTestClient client = fixture.connectReady()) {
            client.setEncodings(Encodings.COPY_RECT, Encodings.RAW);
            client.requestFullUpdate(false);
            client.readUpdate();
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i <= round; i++) {
                    fixture.desktop.log("round " + round + " line " + i);
                    fixture.desktop.keyEvent(true, 'a' + i);
                    fixture.desktop.pointerEvent(1, 1, 20 + 40 * i, 300 + 10 * round);
                }
                client.requestFullUpdate(true);
                client.readUpdate();
                assertArrayEquals(fixture.desktop.snapshot(), client.framebuffer(), "after round " + round);
            }
        }
    }

    @Test
    void pointerDrawsInTheDrawingArea() throws Exception {
        try (RfbTestClient client = fixture.connectReady()) {
            client.requestFullUpdate(false);
            client.readUpdate();
            Rect draw = fixture.desktop.layout().contentOf(fixture.desktop.layout().drawPanel());
            int y = draw.y() + draw.height() / 2;
            int before = client.pixel(draw.x() + 50, y);
            client.pointer(1, draw.x() + 10, y);
            client.pointer(1, draw.x() + 100, y);
            client.pointer(0, draw.x() + 100, y);
            client.requestFullUpdate(true);
            client.readUpdate();
            assertNotEquals(before, client.pixel(draw.x() + 50, y), "the stroke reached the client");
            assertArrayEquals(fixture.desktop.snapshot(), client.framebuffer());
        }
    }

    @Test
    void clientCutTextShowsOnTheDesktop() throws Exception {
        try (RfbTestClient client = fixture.connectReady()) {
            client.requestFullUpdate(false);
            client.readUpdate();
            Rect panel = fixture.desktop.layout().clipboardPanel();
            int[] before = region(client, panel);
            client.cutText("hello clipboard \u00e9".getBytes(StandardCharsets.ISO_8859_1));
            client.requestFullUpdate(true);
            client.readUpdate();
            assertFalse(Arrays.equals(before, region(client, panel)), "the clipboard panel changed");
            assertTrue(fixture.desktop.recentLog().contains("client #1 clipboard: 17 characters"),
                    String.valueOf(fixture.desktop.recentLog()));
        }
    }

    private static int[] region(RfbTestClient client, Rect area) {
        int[] out = new int[area.width() * area.height()];
        for (int row = 0; row < area.height(); row++) {
            for (int col = 0; col < area.width(); col++) {
                out[row * area.width() + col] = client.pixel(area.x() + col, area.y() + row);
            }
        }
        return out;
    }

    /** The raw rectangles tile {@code area}: all inside it, covering every pixel of it. */
    static void assertCoversExactly(Rect area, List<ReceivedRect> rects) {
        boolean[] covered = new boolean[area.width() * area.height()];
        for (ReceivedRect r : rects) {
            assertEquals(Encodings.RAW, r.encoding());
            Rect rect = new Rect(r.x(), r.y(), r.width(), r.height());
            assertTrue(area.contains(rect), rect + " inside " + area);
            for (int y = rect.y(); y < rect.bottom(); y++) {
                for (int x = rect.x(); x < rect.right(); x++) {
                    covered[(y - area.y()) * area.width() + (x - area.x())] = true;
                }
            }
        }
        for (int i = 0; i < covered.length; i++) {
            assertTrue(covered[i], "pixel " + i + " of " + area + " was sent");
        }
    }
}
