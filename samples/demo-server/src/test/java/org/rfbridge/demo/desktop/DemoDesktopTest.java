// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class DemoDesktopTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:34:56Z"), ZoneOffset.UTC);

    /** Replays every reported change onto its own copy of the pixels, as a client would. */
    private static final class Mirror implements DesktopListener {
        final DemoDesktop desktop;
        final int[] pixels;
        final List<Rect> damaged = new ArrayList<>();
        final List<Rect> copies = new ArrayList<>();

        Mirror(DemoDesktop desktop) {
            this.desktop = desktop;
            this.pixels = desktop.snapshot();
            desktop.addListener(this);
        }

        @Override
        public void damaged(Rect area) {
            damaged.add(area);
            desktop.read((rgb, stride) -> {
                for (int y = area.y(); y < area.bottom(); y++) {
                    System.arraycopy(rgb, y * stride + area.x(), pixels, y * stride + area.x(), area.width());
                }
                return null;
            });
        }

        @Override
        public void resized(int width, int height, int byClient) {
            throw new AssertionError("no resize expected here");
        }

        @Override
        public void copied(Rect target, int sourceX, int sourceY) {
            copies.add(target);
            int w = desktop.width();
            int[] buffer = new int[target.width() * target.height()];
            for (int row = 0; row < target.height(); row++) {
                System.arraycopy(pixels, (sourceY + row) * w + sourceX, buffer, row * target.width(), target.width());
            }
            for (int row = 0; row < target.height(); row++) {
                System.arraycopy(buffer, row * target.width(), pixels, (target.y() + row) * w + target.x(), target.width());
            }
        }
    }

    @Test
    void rendersTheSamePictureEveryTime() {
        DemoDesktop a = new DemoDesktop(1024, 768, "demo", CLOCK);
        DemoDesktop b = new DemoDesktop(1024, 768, "demo", CLOCK);
        assertArrayEquals(a.snapshot(), b.snapshot());
        assertEquals(1024 * 768, a.snapshot().length);
    }

    @Test
    void reportedChangesReproduceThePicture() {
        DemoDesktop desktop = new DemoDesktop(800, 600, "demo", CLOCK);
        Mirror mirror = new Mirror(desktop);
        for (int i = 0; i < 30; i++) {
            desktop.log("line " + i);
            desktop.keyEvent(true, 'a' + (i % 26));
            desktop.pointerEvent(1, i % 3 == 0 ? 0 : 1, 50 + 20 * i, 450 + (i % 5) * 10);
        }
        desktop.clipboard(2, "text\nmore");
        desktop.clientConnected();
        desktop.clientDisconnected(2);
        assertArrayEquals(desktop.snapshot(), mirror.pixels);
        assertEquals(30, mirror.copies.size(), "one copy per log line");
    }

    @Test
    void typingEditsTheEchoText() {
        DemoDesktop desktop = new DemoDesktop(640, 480, "demo", CLOCK);
        int[] keys = {'a', 'b', 0xFF08, 'c', 0xFF0D, 0xE4, 0x010000DF, 0xFFB7, 0xFFE1, 0xFFBE, 0x01000410};
        for (int keysym : keys) {
            desktop.keyEvent(true, keysym);
            desktop.keyEvent(false, keysym);
        }
        assertEquals("ac\näß7", desktop.echoText(), "Shift, F1 and Cyrillic A type nothing");
        for (int i = 0; i < 10; i++) {
            desktop.keyEvent(true, 0xFF08);
        }
        assertEquals("", desktop.echoText());
    }

    @Test
    void echoTextIsBounded() {
        DemoDesktop desktop = new DemoDesktop(320, 240, "demo", CLOCK);
        for (int i = 0; i < DemoDesktop.MAX_ECHO_CHARS + 100; i++) {
            desktop.keyEvent(true, 'x');
        }
        assertEquals(DemoDesktop.MAX_ECHO_CHARS, desktop.echoText().length());
    }

    @Test
    void aKeyDamagesOnlyTheEchoPanelAndStatusBar() {
        DemoDesktop desktop = new DemoDesktop(1024, 768, "demo", CLOCK);
        Mirror mirror = new Mirror(desktop);
        desktop.keyEvent(true, 'q');
        assertFalse(mirror.damaged.isEmpty());
        for (Rect r : mirror.damaged) {
            assertTrue(desktop.layout().echoPanel().contains(r) || desktop.layout().statusBar().contains(r), r.toString());
        }
    }

    @Test
    void drawingStaysInsideTheDrawingArea() {
        DemoDesktop desktop = new DemoDesktop(640, 480, "demo", CLOCK);
        Mirror mirror = new Mirror(desktop);
        Rect surface = desktop.layout().contentOf(desktop.layout().drawPanel());
        desktop.pointerEvent(1, 1, surface.x() + 5, surface.y() + 5);
        desktop.pointerEvent(1, 1, 0, 0);
        desktop.pointerEvent(1, 1, 10_000, 10_000);
        desktop.pointerEvent(1, 0, 10_000, 10_000);
        for (Rect r : mirror.damaged) {
            assertTrue(surface.contains(r) || desktop.layout().statusBar().contains(r), r.toString());
        }
        int[] drawn = desktop.snapshot();
        desktop.pointerEvent(1, 4, surface.x() + 1, surface.y() + 1);
        assertFalse(java.util.Arrays.equals(drawn, desktop.snapshot()), "the right button cleared the drawing");
    }

    @Test
    void clockChangesOnlyItsDigits() {
        Instant start = Instant.parse("2025-06-01T12:34:56Z");
        MutableClock clock = new MutableClock(start);
        DemoDesktop desktop = new DemoDesktop(1024, 768, "demo", clock);
        Mirror mirror = new Mirror(desktop);
        clock.now = start.plusSeconds(1);
        desktop.tickClock();
        assertEquals(1, mirror.damaged.size());
        Rect damage = mirror.damaged.get(0);
        assertTrue(desktop.layout().titleBar().contains(damage));
        assertTrue(damage.width() <= 2 * desktop.layout().charWidth(), "only the last digit or two: " + damage);
    }

    @Test
    void animatorMovesTheDesktopOnItsOwn() throws InterruptedException {
        DemoDesktop desktop = new DemoDesktop(640, 480, "demo", CLOCK);
        try (DesktopAnimator animator = new DesktopAnimator(desktop, CLOCK, Duration.ofMillis(20))) {
            animator.start();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (desktop.recentLog().size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertTrue(desktop.recentLog().size() >= 3, "heartbeat lines: " + desktop.recentLog());
        assertTrue(desktop.recentLog().get(0).contains("heartbeat 1"), desktop.recentLog().get(0));
    }

    @Test
    void resizeRepaintsForTheNewSizeKeepingTextAndTellsListeners() {
        DemoDesktop desktop = new DemoDesktop(640, 480, "demo", CLOCK);
        desktop.typeText("kept\n");
        desktop.log("a line to keep");
        List<String> sizes = new ArrayList<>();
        desktop.addListener(new DesktopListener() {
            @Override
            public void damaged(Rect area) {
            }

            @Override
            public void copied(Rect target, int sourceX, int sourceY) {
            }

            @Override
            public void resized(int width, int height, int byClient) {
                sizes.add(width + "x" + height);
            }
        });
        long before = desktop.generation();
        desktop.resize(1280, 720);
        assertEquals(List.of("1280x720"), sizes);
        assertTrue(desktop.generation() > before);
        assertEquals(new Rect(0, 0, 1280, 720), desktop.bounds());
        assertEquals(1280 * 720, desktop.snapshot().length);
        assertEquals("kept\n", desktop.echoText());
        // The same state painted fresh at that size gives the same picture: nothing of the old size is left.
        DemoDesktop fresh = new DemoDesktop(1280, 720, "demo", CLOCK);
        fresh.typeText("kept\n");
        fresh.log("a line to keep");
        fresh.resize(1280, 720);
        assertArrayEquals(fresh.snapshot(), desktop.snapshot());
        assertThrows(IllegalArgumentException.class, () -> desktop.resize(100, 100));
    }

    @Test
    void f2CyclesThroughTheResizeSizes() {
        DemoDesktop desktop = new DemoDesktop(1024, 768, "demo", CLOCK);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            desktop.keyEvent(true, DemoDesktop.RESIZE_KEYSYM);
            desktop.keyEvent(false, DemoDesktop.RESIZE_KEYSYM);
            seen.add(desktop.width() + "x" + desktop.height());
        }
        assertEquals(List.of("640x480", "1280x720", "1024x768"), seen);
        assertEquals("", desktop.echoText(), "F2 types nothing");
    }

    @Test
    void fillRectPaintsClippedAndCountsAsAChange() {
        DemoDesktop desktop = new DemoDesktop(320, 240, "demo", CLOCK);
        Mirror mirror = new Mirror(desktop);
        long before = desktop.generation();
        desktop.fillRect(new Rect(300, 200, 100, 100), 0x123456);
        assertEquals(List.of(new Rect(300, 200, 20, 40)), mirror.damaged);
        assertEquals(0xFF123456, desktop.snapshotArgb()[239 * 320 + 319]);
        assertEquals(0x123456, desktop.snapshot()[200 * 320 + 300]);
        assertTrue(desktop.generation() > before);
        long after = desktop.generation();
        desktop.fillRect(new Rect(300, 200, 100, 100), 0x123456);
        assertEquals(after, desktop.generation(), "painting the same pixels again changes nothing");
    }

    @Test
    void lockKeysToggleOnKeyDownAndListenersHearOfIt() {
        DemoDesktop desktop = new DemoDesktop(640, 480, "demo", CLOCK);
        List<Integer> seen = new ArrayList<>();
        desktop.addListener(new DesktopListener() {
            @Override
            public void lockKeysChanged(int locks) {
                seen.add(locks);
            }
        });
        desktop.keyEvent(true, 0xFFE5);
        desktop.keyEvent(false, 0xFFE5);
        desktop.keyEvent(true, 0xFF7F);
        desktop.keyEvent(true, 0xFF14);
        desktop.keyEvent(true, 0xFFE5);
        desktop.keyEvent(true, 'a');
        assertEquals(List.of(LockKeys.CAPS_LOCK, LockKeys.CAPS_LOCK | LockKeys.NUM_LOCK,
                LockKeys.CAPS_LOCK | LockKeys.NUM_LOCK | LockKeys.SCROLL_LOCK,
                LockKeys.NUM_LOCK | LockKeys.SCROLL_LOCK), seen);
        assertEquals(LockKeys.NUM_LOCK | LockKeys.SCROLL_LOCK, desktop.lockKeys());
        assertEquals("a", desktop.echoText());
    }

    @Test
    void scancodesAreNamedAndTypeTheirUsKeyWhenTheKeysymIsZero() {
        DemoDesktop desktop = new DemoDesktop(640, 480, "demo", CLOCK);
        int[][] keys = {{0x1e, 0}, {0x02, 0}, {0x39, 0}, {0x0b, 0}, {0x1c, 0}, {0x10, 'Q'}, {0x9d, 0}, {0xc8, 0}};
        for (int[] key : keys) {
            desktop.scancodeKeyEvent(3, true, key[1], key[0]);
            desktop.scancodeKeyEvent(3, false, key[1], key[0]);
        }
        assertEquals("a1 0\nQ", desktop.echoText(), "a keysym that came wins over the table");
        List<String> log = desktop.recentLog();
        assertEquals(List.of("client #3 key KeyA scancode 0x1e keysym 0x0061",
                "client #3 key Digit1 scancode 0x02 keysym 0x0031",
                "client #3 key Space scancode 0x39 keysym 0x0020",
                "client #3 key Digit0 scancode 0x0b keysym 0x0030",
                "client #3 key Enter scancode 0x1c keysym 0xff0d",
                "client #3 key KeyQ scancode 0x10 keysym 0x0051",
                "client #3 key ControlRight scancode 0x9d keysym 0xffe4",
                "client #3 key ArrowUp scancode 0xc8 keysym 0xff52"), log);
        assertEquals("KeyM", Scancodes.name(0x32));
        assertEquals("Slash", Scancodes.name(0x35));
        assertEquals(0, Scancodes.keysym(0x7f));
    }

    @Test
    void theClipboardIsSharedWithItsOwnerAndTheDesktopCanOfferText() {
        DemoDesktop desktop = new DemoDesktop(640, 480, "demo", CLOCK);
        List<String> seen = new ArrayList<>();
        desktop.addListener(new DesktopListener() {
            @Override
            public void clipboardChanged(int owner, String text) {
                seen.add(owner + ":" + text);
            }

            @Override
            public void renamed(String name) {
                seen.add("name " + name);
            }
        });
        assertEquals(null, desktop.clipboardText());
        int[] before = desktop.snapshot();
        desktop.clipboard(4, "x".repeat(DemoDesktop.MAX_CLIPBOARD_CHARS + 10));
        assertEquals(DemoDesktop.MAX_CLIPBOARD_CHARS + 10, desktop.clipboardText().length(), "clients get it all");
        assertFalse(java.util.Arrays.equals(before, desktop.snapshot()), "the panel shows it");
        desktop.keyEvent(true, DemoDesktop.CLIPBOARD_KEYSYM);
        assertEquals(0, desktop.clipboardOwner());
        assertEquals(DemoDesktop.GREETING + " (2025-06-01 12:34:56)", desktop.clipboardText());
        desktop.rename("other");
        assertEquals(List.of("4:" + "x".repeat(DemoDesktop.MAX_CLIPBOARD_CHARS + 10),
                "0:" + DemoDesktop.GREETING + " (2025-06-01 12:34:56)", "name other"), seen);
        assertEquals("", desktop.echoText(), "F3 types nothing");
    }

    @Test
    void refusesSizesOutsideTheLimits() {
        assertThrows(IllegalArgumentException.class, () -> new DemoDesktop(319, 240, "demo", CLOCK));
        assertThrows(IllegalArgumentException.class, () -> new DemoDesktop(640, 4097, "demo", CLOCK));
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
