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
            state.setEncodings(ClientEncodings.basic(copyRect, false));
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
                        PendingUpdate update = update(state);
                        if (update != null) {
                            copiesSent += apply(update, server, client);
                        }
                    }
                }
            }
            state.request(true, SCREEN);
            PendingUpdate last = update(state);
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
        assertNotNull(update(state));
        state.request(true, SCREEN);
        assertFalse(state.awaitWork(50));
        assertNull(update(state));
        state.damaged(new Rect(1, 1, 2, 2));
        assertTrue(state.awaitWork(50));
        assertEquals(java.util.List.of(new Rect(1, 1, 2, 2)), update(state).raw());
    }

    @Test
    void nonIncrementalRequestForAnEmptyAreaIsStillAnswered() {
        ClientUpdateState state = new ClientUpdateState(SCREEN, ServedPixelFormats.SERVER_NATIVE);
        state.request(false, SCREEN);
        update(state);
        state.request(false, Rect.EMPTY);
        PendingUpdate update = update(state);
        assertNotNull(update);
        assertEquals(0, update.rectangleCount());
    }

    @Test
    void aResizeIsSentAloneThenTheWholeNewScreen() {
        ClientUpdateState state = new ClientUpdateState(SCREEN, ServedPixelFormats.SERVER_NATIVE);
        state.setEncodings(ClientEncodings.basic(true, true));
        state.request(false, SCREEN);
        update(state);
        state.copied(new Rect(0, 0, 10, 10), 5, 5);
        state.resized(100, 80, 0);
        state.request(true, SCREEN);
        PendingUpdate announce = update(state);
        assertEquals(1, announce.pseudo().size());
        assertTrue(announce.pseudo().get(0).resizesTo(100, 80), "a DesktopSize of the new size");
        assertEquals(org.rfbridge.rfb.encoding.Encodings.DESKTOP_SIZE, announce.pseudo().get(0).encoding());
        assertNull(announce.copy(), "a copy from before the resize is void");
        assertTrue(announce.raw().isEmpty());
        assertEquals(1, announce.rectangleCount());
        state.request(true, new Rect(0, 0, 100, 80));
        assertEquals(java.util.List.of(new Rect(0, 0, 100, 80)), update(state).raw());
    }

    @Test
    void aResizeClosesAClientThatCannotBeToldOfIt() throws InterruptedException {
        ClientUpdateState state = new ClientUpdateState(SCREEN, ServedPixelFormats.SERVER_NATIVE);
        state.setEncodings(ClientEncodings.basic(true, false));
        state.resized(100, 80, 0);
        state.request(true, SCREEN);
        assertTrue(state.awaitWork(50));
        assertNull(update(state));
        assertTrue(state.isClosed());
        assertTrue(state.closeReason().contains("DesktopSize"), state.closeReason());
    }

    @Test
    void disablingCopyRectTurnsAPendingCopyIntoDamage() {
        ClientUpdateState state = new ClientUpdateState(SCREEN, ServedPixelFormats.SERVER_NATIVE);
        state.setEncodings(ClientEncodings.basic(true, false));
        state.request(false, SCREEN);
        update(state);
        state.copied(new Rect(0, 0, 10, 10), 5, 5);
        state.setEncodings(ClientEncodings.basic(false, false));
        state.request(true, SCREEN);
        PendingUpdate update = update(state);
        assertNull(update.copy());
        assertEquals(java.util.List.of(new Rect(0, 0, 10, 10)), update.raw());
    }

    @Test
    void answersAndSizeChangesWaitingForARequestStayBoundedAndInOrder() {
        ClientUpdateState state = new ClientUpdateState(7, SCREEN, ServedPixelFormats.SERVER_NATIVE, 0,
                new ScreenLayouts(ScreenLayout.single(W, H)));
        state.setEncodings(new ClientEncodings(false, true, true, false, false, false, false, false, false, 3));
        for (int i = 0; i < 100; i++) {
            state.refuseResize(PseudoRect.STATUS_INVALID_LAYOUT);
        }
        state.resized(100, 80, 0);
        state.resized(120, 90, 3);
        state.refuseResize(PseudoRect.STATUS_PROHIBITED);
        state.resized(130, 95, 0);
        state.request(true, SCREEN);
        java.util.List<PseudoRect> rects = update(state).pseudo();
        java.util.List<String> seen = rects.stream()
                .map(r -> r.x() + "/" + r.y() + " " + r.width() + "x" + r.height()).toList();
        assertEquals(PendingPseudoRects.MAX_ANSWERS + 1, rects.size(), seen.toString());
        assertEquals("1/1 120x90", seen.get(PendingPseudoRects.MAX_ANSWERS - 1), "the newest answer is kept");
        assertEquals("0/0 130x95", seen.get(PendingPseudoRects.MAX_ANSWERS), "the newest size change ends it");
        assertTrue(seen.subList(0, PendingPseudoRects.MAX_ANSWERS - 1).stream().allMatch(r -> r.startsWith("1/3 ")),
                "older answers: invalid layout");
    }

    @Test
    void theServersMessagesGoBeforeTheUpdateTakenWithThem() throws InterruptedException {
        ClientUpdateState state = new ClientUpdateState(SCREEN, ServedPixelFormats.SERVER_NATIVE);
        state.setEncodings(new ClientEncodings(false, false, false, true, true, false, false, false, false, 2));
        assertTrue(state.awaitWork(50), "Fence and EndOfContinuousUpdates wait without a request");
        ClientUpdateState.Batch batch = state.take();
        assertNull(batch.update());
        assertEquals(2, batch.messages().size());
        assertEquals(248, batch.messages().get(0)[0] & 0xFF);
        assertEquals(150, batch.messages().get(1)[0] & 0xFF);
        assertNull(state.written(10, 2), "no flow-control fence outside continuous mode");
        assertTrue(state.enableContinuous(SCREEN));
        assertTrue(state.awaitWork(50), "continuous mode: the whole screen is due without a request");
        batch = state.take();
        assertEquals(java.util.List.of(SCREEN), batch.update().raw());
        // As if the update had been a window's worth of bytes.
        byte[] fence = state.written(FlowControl.INITIAL_WINDOW, 0);
        assertEquals(248, fence[0] & 0xFF, "a fence follows the update");
        state.damaged(new Rect(0, 0, 1, 1));
        assertFalse(state.awaitWork(50), "the window is full: nothing until the fence is answered");
        state.fenceAnswered(java.util.Arrays.copyOfRange(fence, 9, 13));
        assertTrue(state.awaitWork(50));
        assertEquals(java.util.List.of(new Rect(0, 0, 1, 1)), state.take().update().raw());
    }

    @Test
    void messagesPilingUpForAClientThatDoesNotReadCloseItsSession() throws InterruptedException {
        ClientUpdateState state = new ClientUpdateState(SCREEN, ServedPixelFormats.SERVER_NATIVE);
        byte[] mebibyte = new byte[1 << 20];
        long ticket = 0;
        for (int i = 0; i < 8; i++) {
            ticket = state.post(mebibyte);
        }
        assertEquals(8, ticket, "8 MiB may wait");
        assertFalse(state.isClosed());
        assertEquals(8, state.take().messages().size(), "taking them makes room");
        state.written(8L << 20, 8);
        state.awaitWritten(ticket, 10);
        for (int i = 0; i < 9; i++) {
            state.post(mebibyte);
        }
        assertTrue(state.isClosed(), "the ninth mebibyte waiting closes it");
        assertTrue(state.closeReason().startsWith("the client does not read"), state.closeReason());
    }

    /** What {@link ClientUpdateState#take()} hands out as the update, or null. */
    static PendingUpdate update(ClientUpdateState state) {
        ClientUpdateState.Batch batch = state.take();
        return batch == null ? null : batch.update();
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
