// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Paces continuous updates by what the client has shown it received. Every update in continuous mode is
 * followed by a fence request; the client answers a fence only after it has read everything before it, so an
 * answer acknowledges all bytes up to its fence. No new update starts while the bytes sent but not yet
 * acknowledged reach the window: a slow client or link then holds at most about a window of stale frames in
 * its queues, and the changes meanwhile pile up in the dirty region, so the next update carries the newest
 * pixels instead.
 *
 * <p>The window adapts by the round trip of each fence. An answer not much slower than the fastest one seen
 * means the link carried the window without queuing: if the window held an update back since the last
 * answer, it doubles. A much slower answer means bytes are queuing somewhere: the window shrinks by a
 * quarter. It stays between {@link #MIN_WINDOW} and {@link #MAX_WINDOW}.
 *
 * <p>Not thread-safe: {@link ClientUpdateState} calls it under its monitor. Times are {@link System#nanoTime()}
 * values passed in, so tests choose them.
 */
final class FlowControl {

    static final int INITIAL_WINDOW = 64 * 1024;
    static final int MIN_WINDOW = 16 * 1024;
    static final int MAX_WINDOW = 4 * 1024 * 1024;
    /** Round trips up to twice the fastest plus this much count as fast; a scheduler's hiccup is not a queue. */
    static final long QUEUE_SLACK_NANOS = 20_000_000L;
    /** Fences kept waiting for an answer; an answer to a newer one acknowledges the older ones too. */
    static final int MAX_OUTSTANDING = 256;

    private record Fence(int sequence, long acknowledges, long sentAt) {
    }

    private final Deque<Fence> outstanding = new ArrayDeque<>();
    private long sent;
    private long acknowledged;
    private long fencedUpTo;
    private int window = INITIAL_WINDOW;
    private int nextSequence = 1;
    private long fastest = Long.MAX_VALUE;
    private boolean heldBack;

    /** Counts {@code bytes} just written to the client. */
    void wrote(long bytes) {
        sent += bytes;
    }

    /** Bytes written but not yet acknowledged by a fence answer. */
    long inFlight() {
        return sent - acknowledged;
    }

    int window() {
        return window;
    }

    /** Whether a new update may start now; a no also records that the window held one back. */
    boolean mayStart() {
        if (inFlight() < window) {
            return true;
        }
        heldBack = true;
        return false;
    }

    /** Whether bytes went out since the last fence, so that one must follow them. */
    boolean fenceDue() {
        return sent > fencedUpTo;
    }

    /**
     * Registers a fence of {@code length} bytes about to be written after everything counted so far, and
     * counts it as written.
     *
     * @return its sequence number, for its payload; never 0, which the server's first fence uses
     */
    int fence(int length, long now) {
        sent += length;
        fencedUpTo = sent;
        int sequence = nextSequence;
        nextSequence = nextSequence == Integer.MAX_VALUE ? 1 : nextSequence + 1;
        if (outstanding.size() == MAX_OUTSTANDING) {
            outstanding.removeFirst();
        }
        outstanding.addLast(new Fence(sequence, sent, now));
        return sequence;
    }

    /**
     * The client answered the fence {@code sequence}.
     *
     * @return false when no such fence is outstanding (the first fence, a repeated or invented answer): then
     *         nothing changes
     */
    boolean answered(int sequence, long now) {
        if (outstanding.stream().noneMatch(f -> f.sequence() == sequence)) {
            return false;
        }
        // Answers come in order: the fences before this one were answered, or their answers are lost to us.
        Fence fence = outstanding.removeFirst();
        while (fence.sequence() != sequence) {
            fence = outstanding.removeFirst();
        }
        acknowledged = Math.max(acknowledged, fence.acknowledges());
        long roundTrip = Math.max(0, now - fence.sentAt());
        fastest = Math.min(fastest, roundTrip);
        if (roundTrip > 2 * fastest + QUEUE_SLACK_NANOS) {
            window = Math.max(MIN_WINDOW, window - window / 4);
        } else if (heldBack) {
            window = (int) Math.min(MAX_WINDOW, 2L * window);
        }
        heldBack = false;
        return true;
    }

    /**
     * Continuous mode starts (again): what was sent before it was paced by requests, so it counts as
     * arrived. Outstanding fences stay: their answers still measure round trips.
     */
    void restart() {
        acknowledged = sent;
        fencedUpTo = sent;
        heldBack = false;
    }
}
