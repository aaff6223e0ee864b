// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Dimension2D;
import javafx.scene.Cursor;
import javafx.scene.ImageCursor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.Rect;
import org.rfbridge.viewer.session.CursorImages;
import org.rfbridge.viewer.session.FramebufferDisplay;

/** The display's pulse logic, driven by hand on the FX thread (its timer is never started). */
@Timeout(30)
class FramebufferDisplayIT {
    @BeforeAll
    static void toolkit() throws Exception {
        ViewerWindow.startToolkit();
    }

    @Test
    void updatesWithinOnePulseAreDrawnOnceAndEachAcknowledgedOnce() throws Exception {
        FramebufferDisplay display = new FramebufferDisplay();
        Framebuffer fb = new Framebuffer(8, 4);
        AtomicInteger acks = new AtomicInteger();
        display.frameUpdated(fb, List.of(new Rect(0, 0, 8, 4)), acks::incrementAndGet);
        ViewerWindow.fx(() -> {
            display.pulse();
            return null;
        });
        assertEquals(1, acks.get());
        assertEquals(8, ViewerWindow.fx(() -> display.sizeProperty().get().getWidth()));

        fb.fillRect(1, 1, 2, 2, 0xFF00FF00);
        display.frameUpdated(fb, List.of(new Rect(1, 1, 2, 2)), acks::incrementAndGet);
        fb.setPixel(7, 3, 0xFFFF0000);
        display.frameUpdated(fb, List.of(new Rect(7, 3, 1, 1)), acks::incrementAndGet);
        long drawn = ViewerWindow.fx(() -> {
            long before = display.framesDrawn();
            display.pulse();
            display.pulse();
            return display.framesDrawn() - before;
        });
        assertEquals(1, drawn, "two updates in one pulse draw once; an idle pulse draws nothing");
        assertEquals(3, acks.get());
        int[] shown = ViewerWindow.pixelsOf(display.view());
        assertEquals(32, shown.length);
        assertEquals(0x00FF00, shown[1 * 8 + 1]);
        assertEquals(0xFF0000, shown[3 * 8 + 7]);
        assertEquals(0x000000, shown[0]);
    }

    @Test
    void bandsShowTheirOwnRowsAndOnlyTouchedBandsAreDrawn() throws Exception {
        FramebufferDisplay display = new FramebufferDisplay();
        int rows = FramebufferDisplay.BAND_HEIGHT * 2 + 5;
        Framebuffer fb = new Framebuffer(3, rows);
        for (int y = 0; y < rows; y++) {
            fb.fillRect(0, y, 3, 1, 0xFF000000 | y);
        }
        display.frameUpdated(fb, List.of(new Rect(0, 0, 3, rows)), () -> { });
        ViewerWindow.fx(() -> {
            display.pulse();
            return null;
        });
        int[] shown = ViewerWindow.pixelsOf(display.view());
        for (int y = 0; y < rows; y++) {
            assertEquals(y, shown[y * 3 + 2], "row " + y);
        }
        fb.setPixel(1, FramebufferDisplay.BAND_HEIGHT + 3, 0xFFABCDEF);
        display.frameUpdated(fb, List.of(new Rect(1, FramebufferDisplay.BAND_HEIGHT + 3, 1, 1)), () -> { });
        long drawn = ViewerWindow.fx(() -> {
            long before = display.framesDrawn();
            display.pulse();
            return display.framesDrawn() - before;
        });
        assertEquals(1, drawn, "one band touched, one band drawn");
        assertEquals(0xABCDEF, ViewerWindow.pixelsOf(display.view())[(FramebufferDisplay.BAND_HEIGHT + 3) * 3 + 1]);
    }

    @Test
    void aResizeInstallsAnImageOfTheNewSize() throws Exception {
        FramebufferDisplay display = new FramebufferDisplay();
        display.framebufferReplaced(new Framebuffer(4, 4));
        ViewerWindow.fx(() -> {
            display.pulse();
            return null;
        });
        display.framebufferReplaced(new Framebuffer(6, 2));
        Dimension2D size = ViewerWindow.fx(() -> {
            display.pulse();
            return display.sizeProperty().get();
        });
        assertEquals(6, size.getWidth());
        assertEquals(2, size.getHeight());
        assertEquals(12, ViewerWindow.pixelsOf(display.view()).length);
        display.framebufferReplaced(new Framebuffer(0, 0));
        assertNull(ViewerWindow.fx(() -> {
            display.pulse();
            return display.sizeProperty().get();
        }), "an empty desktop shows nothing instead of failing");
    }

    @Test
    void serverCursorShapesBecomeCursors() throws Exception {
        CursorShape arrow = new CursorShape(2, 2, 1, 0, new int[] {0xFF000000, 0x00000000, 0xFFFFFFFF, 0xFF000000});
        Cursor cursor = ViewerWindow.fx(() -> CursorImages.toCursor(arrow));
        ImageCursor image = assertInstanceOf(ImageCursor.class, cursor);
        assertEquals(1.0, ViewerWindow.fx(() -> image.getHotspotX()));
        assertEquals(0x00000000, ViewerWindow.fx(() -> image.getImage().getPixelReader().getArgb(1, 0)));
        assertEquals(0xFFFFFFFF, ViewerWindow.fx(() -> image.getImage().getPixelReader().getArgb(0, 1)));
        assertEquals(Cursor.NONE, ViewerWindow.fx(() -> CursorImages.toCursor(new CursorShape(0, 0, 0, 0, new int[0]))));
        assertEquals(Cursor.DEFAULT, ViewerWindow.fx(() -> CursorImages.toCursor(null)));
    }

    @Test
    void anEndedSessionIsNotAcknowledged() throws Exception {
        FramebufferDisplay display = new FramebufferDisplay();
        AtomicInteger acks = new AtomicInteger();
        display.frameUpdated(new Framebuffer(2, 2), List.of(new Rect(0, 0, 2, 2)), acks::incrementAndGet);
        ViewerWindow.fx(() -> {
            display.sessionEnded();
            display.pulse();
            return null;
        });
        assertEquals(0, acks.get());
    }
}
