// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rfbridge.demo.desktop.Rect;

/**
 * Model check of the update tracking: a "server" picture changes by random paints and copies, a "client"
 * picture applies what {@link ClientUpdateState#take()} hands out, and after a final full request both
 * must be equal — whatever mix of copies, damage and partial requests came before.
 */
@Timeout(20)
class ClientUpdateStateTest {

    private static final int W = 64;
    private static final int H = 48;
    private static final Rect SCREEN = new Rect(0, 0, W, H);

    @ParameterizedTest(name = "CopyRect enabled: {0}")
    @ValueSource(booleans = {true, false})
    void clientConvergesToServerWhateverHappens(boolean copyRect) {
        Random random = new Random(copyRect ? 11 : 12);
        int copiesSent = 0;
        for (int trial = 0; trial < 300; trial++) {
            int[] server = new int[W * H];
            int[] client = new int[W * H];
            java.util.Arrays.fill(client, -1);
            ClientUpdateState state = new ClientUpdateState(SCREEN, ServedPixelFormats.SERVER_NATIVE);
            state.setEncodings(copyRect, false);
            for (int step = 0; step < 30; step++) {
                switch (random.nextInt(4)) {
                    case 0 -> {
                        Rect r = RegionTest.randomRect(random);
                        fill(server, r, random.nextInt());
                        state.damaged(r);
                    }
                    case 1 -> {
                        Rect source = RegionTest.randomRect(random);
                        int tx = random.nextInt(W - source.width() + 1);
                        int ty = random.nextInt(H - source.height() + 1);
                        copy(server, source, tx, ty);
                        state.copied(new Rect(tx, ty, source.width(), source.height()), source.x(), source.y());
                    }
                    default -> {
                        state.request(random.nextInt(5) > 0, RegionTest.randomRect(random));
                        PendingUpdate update = state.take();
                        if (update != null) {
                            copiesSent += apply(update, server, client);
                        }
                    }
                }
            }
            state.request(true, SCREEN);
            PendingUpdate last = state.take();
            if (last != null) {
                copiesSent += apply(last, server, client);
            }
            assertArrayEquals(server, client, "trial " + trial);
        }
        assertEquals(copyRect, copiesSent > 0, "CopyRect used exactly when enabled");
    }

    @Test
    void incrementalRequestWithNothingChangedHasNoWork() throws InterruptedException {
        ClientUpdateState state = new ClientUpdateState(SCREEN, ServedPixelFormats.SERVER_NATIVE);
        state.request(false, SCREEN);
        assertNotNull(state.take());
        state.request(true, SCREEN);
        assertFalse(state.awaitWork(50));
        assertNull(state.take());
        state.damaged(new Rect(1, 1, 2, 2));
        assertTrue(state.awaitWork(50));
        assertEquals(java.util.List.of(new Rect(1, 1, 2, 2)), state.take().raw());
    }

    @Test
    void nonIncrementalRequestForAnEmptyAreaIsStillAnswered() {
        ClientUpdateState state = new ClientUpdateState(SCREEN, ServedPixelFormats.SERVER_NATIVE);
        state.request(false, SCREEN);
        state.take();
        state.request(false, Rect.EMPTY);
        PendingUpdate update = state.take();
        assertNotNull(update);
        assertEquals(0, update.rectangleCount());
    }

    @Test
    void aResizeIsSentAloneThenTheWholeNewScreen() {
        ClientUpdateState state = new ClientUpdateState(SCREEN, ServedPixelFormats.SERVER_NATIVE);
        state.setEncodings(true, true);
        state.request(false, SCREEN);
        state.take();
        state.copied(new Rect(0, 0, 10, 10), 5, 5);
        state.resized(100, 80);
        state.request(true, SCREEN);
        PendingUpdate announce = state.take();
        assertEquals(new Rect(0, 0, 100, 80), announce.desktopSize());
        assertNull(announce.copy(), "a copy from before the resize is void");
        assertTrue(announce.raw().isEmpty());
        assertEquals(1, announce.rectangleCount());
        state.request(true, new Rect(0, 0, 100, 80));
        assertEquals(java.util.List.of(new Rect(0, 0, 100, 80)), state.take().raw());
    }

    @Test
    void aResizeClosesAClientThatCannotBeToldOfIt() throws InterruptedException {
        ClientUpdateState state = new ClientUpdateState(SCREEN, ServedPixelFormats.SERVER_NATIVE);
        state.setEncodings(true, false);
        state.resized(100, 80);
        state.request(true, SCREEN);
        assertTrue(state.awaitWork(50));
        assertNull(state.take());
        assertTrue(state.isClosed());
        assertTrue(state.closeReason().contains("DesktopSize"), state.closeReason());
    }

    @Test
    void disablingCopyRectTurnsAPendingCopyIntoDamage() {
        ClientUpdateState state = new ClientUpdateState(SCREEN, ServedPixelFormats.SERVER_NATIVE);
        state.setEncodings(true, false);
        state.request(false, SCREEN);
        state.take();
        state.copied(new Rect(0, 0, 10, 10), 5, 5);
        state.setEncodings(false, false);
        state.request(true, SCREEN);
        PendingUpdate update = state.take();
        assertNull(update.copy());
        assertEquals(java.util.List.of(new Rect(0, 0, 10, 10)), update.raw());
    }

    private static int apply(PendingUpdate update, int[] server, int[] client) {
        int copies = 0;
        if (update.copy() != null) {
            copy(client, update.copy().source(), update.copy().target().x(), update.copy().target().y());
            copies++;
        }
        for (Rect r : update.raw()) {
            for (int y = r.y(); y < r.bottom(); y++) {
                System.arraycopy(server, y * W + r.x(), client, y * W + r.x(), r.width());
            }
        }
        return copies;
    }

    private static void fill(int[] pixels, Rect r, int value) {
        for (int y = r.y(); y < r.bottom(); y++) {
            java.util.Arrays.fill(pixels, y * W + r.x(), y * W + r.right(), value);
        }
    }

    private static void copy(int[] pixels, Rect source, int tx, int ty) {
        int[] buffer = new int[source.width() * source.height()];
        for (int row = 0; row < source.height(); row++) {
            System.arraycopy(pixels, (source.y() + row) * W + source.x(), buffer, row * source.width(), source.width());
        }
        for (int row = 0; row < source.height(); row++) {
            System.arraycopy(buffer, row * source.width(), pixels, (ty + row) * W + tx, source.width());
        }
    }
}
