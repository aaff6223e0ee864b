// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The window of {@link FlowControl}, driven with invented times: no socket, no clock. */
class FlowControlTest {

    private static final long MS = 1_000_000L;
    private static final int FENCE = 13;

    /** Sends one update of {@code bytes} and its fence at {@code now}; returns the fence's sequence. */
    private static int update(FlowControl flow, long bytes, long now) {
        assertTrue(flow.mayStart(), "an update may start");
        flow.wrote(bytes);
        assertTrue(flow.fenceDue());
        int sequence = flow.fence(FENCE, now);
        assertFalse(flow.fenceDue(), "the fence covers everything sent");
        return sequence;
    }

    @Test
    void aClientThatNeverAnswersGetsAboutOneWindowAndThenNothing() {
        FlowControl flow = new FlowControl();
        long sent = 0;
        int updates = 0;
        while (flow.mayStart()) {
            update(flow, 10_000, updates * MS);
            sent += 10_000 + FENCE;
            updates++;
            assertTrue(updates < 1000, "the window never closed");
        }
        assertEquals(sent, flow.inFlight());
        assertTrue(sent >= FlowControl.INITIAL_WINDOW && sent < FlowControl.INITIAL_WINDOW + 10_000 + FENCE,
                "stopped after the update that filled the window, at " + sent);
        assertEquals(7, updates, "64 KiB takes seven updates of 10 000 bytes");
        assertFalse(flow.mayStart(), "and it stays closed");
        assertEquals(FlowControl.INITIAL_WINDOW, flow.window(), "nothing came back, so nothing was learned");
    }

    @Test
    void anAnswerAcknowledgesEverythingUpToItsFenceOnly() {
        FlowControl flow = new FlowControl();
        int first = update(flow, 40_000, 0);
        update(flow, 30_000, MS);
        assertFalse(flow.mayStart());
        assertTrue(flow.answered(first, 2 * MS));
        assertEquals(30_000 + FENCE, flow.inFlight(), "the second update is still on its way");
        assertTrue(flow.mayStart());
    }

    @Test
    void aLaterAnswerCoversEarlierFencesAndTheirAnswersAreThenIgnored() {
        FlowControl flow = new FlowControl();
        int first = update(flow, 1000, 0);
        int second = update(flow, 1000, 0);
        assertTrue(flow.answered(second, MS));
        assertEquals(0, flow.inFlight());
        assertFalse(flow.answered(first, 2 * MS), "an answer to a fence already covered");
        assertFalse(flow.answered(second, 2 * MS), "the same answer twice");
        assertFalse(flow.answered(0, 2 * MS), "the server's first fence is no flow-control fence");
        assertFalse(flow.answered(12345, 2 * MS), "an invented sequence");
    }

    @Test
    void fastAnswersGrowTheWindowOnlyWhenItHeldUpdatesBack() {
        FlowControl flow = new FlowControl();
        // Small updates never fill the window: fast answers alone must not grow it.
        for (int i = 0; i < 20; i++) {
            assertTrue(flow.answered(update(flow, 1000, i * MS), i * MS + MS));
        }
        assertEquals(FlowControl.INITIAL_WINDOW, flow.window());
        // Now the window holds one back: the next fast answer doubles it.
        int sequence = update(flow, FlowControl.INITIAL_WINDOW, 100 * MS);
        assertFalse(flow.mayStart());
        assertTrue(flow.answered(sequence, 101 * MS));
        assertEquals(2 * FlowControl.INITIAL_WINDOW, flow.window());
    }

    @Test
    void theWindowGrowsToItsCapAndNoFurther() {
        FlowControl flow = new FlowControl();
        long now = 0;
        for (int i = 0; i < 40; i++) {
            int sequence = update(flow, flow.window(), now);
            assertFalse(flow.mayStart());
            now += MS;
            assertTrue(flow.answered(sequence, now));
        }
        assertEquals(FlowControl.MAX_WINDOW, flow.window());
    }

    @Test
    void slowAnswersShrinkTheWindowToItsFloorAndNoFurther() {
        FlowControl flow = new FlowControl();
        assertTrue(flow.answered(update(flow, 100, 0), MS), "a fast first answer sets the base round trip");
        long now = 10 * MS;
        int before = flow.window();
        int sequence = update(flow, 1000, now);
        now += 500 * MS;
        assertTrue(flow.answered(sequence, now));
        assertEquals(before - before / 4, flow.window(), "a queue building up costs a quarter of the window");
        for (int i = 0; i < 40; i++) {
            sequence = update(flow, 1000, now);
            now += 500 * MS;
            assertTrue(flow.answered(sequence, now));
        }
        assertEquals(FlowControl.MIN_WINDOW, flow.window());
    }

    @Test
    void restartForgetsWhatWasSentBeforeContinuousMode() {
        FlowControl flow = new FlowControl();
        update(flow, 2 * FlowControl.MAX_WINDOW, 0);
        assertFalse(flow.mayStart());
        flow.restart();
        assertEquals(0, flow.inFlight());
        assertTrue(flow.mayStart());
        assertFalse(flow.fenceDue());
    }

    @Test
    void sequencesAreNeverZeroAndNeverRepeatSoon() {
        FlowControl flow = new FlowControl();
        int previous = 0;
        for (int i = 0; i < 1000; i++) {
            flow.wrote(1);
            int sequence = flow.fence(FENCE, 0);
            assertNotEquals(0, sequence);
            assertNotEquals(previous, sequence);
            previous = sequence;
            assertTrue(flow.answered(sequence, 0));
        }
    }
}
