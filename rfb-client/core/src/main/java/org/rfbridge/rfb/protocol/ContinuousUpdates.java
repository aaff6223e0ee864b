// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

/**
 * Whether a session runs in continuous-update mode, and its fence probes (the JavaScript core's
 * {@code continuous-updates.js}; the rules are {@code protocol-tests/EXTENSIONS.md}).
 *
 * <p>A request per update costs a round trip between updates: on a 40 ms link the server idles for 40 ms after
 * each one. In continuous mode the server sends as the screen changes and paces itself by how fast the client
 * answers its fences, so the client must answer at once, and only when it has actually read that far: holding
 * back bytes for a slow consumer then slows the server too. The client's own probe (one fence outstanding at a
 * time) gives the round trip that requests no longer measure.
 *
 * <p>Not thread-safe: the session thread owns it.
 */
final class ContinuousUpdates {
    static final int FENCE_BLOCK_BEFORE = 0x0000_0001;
    static final int FENCE_BLOCK_AFTER = 0x0000_0002;
    static final int FENCE_SYNC_NEXT = 0x0000_0004;
    static final int FENCE_REQUEST = 0x8000_0000;
    /** The flags an answer may carry: the ones this client honours (all of them, by handling messages in order). */
    static final int FENCE_ANSWER_FLAGS = FENCE_BLOCK_BEFORE | FENCE_BLOCK_AFTER | FENCE_SYNC_NEXT;
    static final int MAX_FENCE_PAYLOAD = 64;
    private static final int PROBE_PAYLOAD_BYTES = 4;

    private final boolean announced;
    private boolean serverSentFence;
    private boolean serverSentEnd;
    private boolean enabled;
    private boolean wasEnabled;
    private int probesSent;
    private byte[] probeOutstanding;
    private long probeSentAt;

    /** {@code announced}: the client asked for both Fence and ContinuousUpdates. */
    ContinuousUpdates(boolean announced) {
        this.announced = announced;
    }

    boolean enabled() {
        return enabled;
    }

    /** The server sent a Fence. Returns whether continuous mode should be enabled now. */
    boolean serverSentFence() {
        serverSentFence = true;
        return readyToEnable();
    }

    /**
     * The server sent EndOfContinuousUpdates. Returns whether continuous mode should be enabled now; if it was on,
     * it is off now (the caller goes back to one request per update).
     */
    boolean serverSentEnd() {
        if (enabled) {
            enabled = false;
            probeOutstanding = null;
            return false;
        }
        serverSentEnd = true;
        return readyToEnable();
    }

    // Once per session: a server that ended continuous mode wants requests, and re-enabling at once would undo it.
    private boolean readyToEnable() {
        if (announced && serverSentFence && serverSentEnd && !wasEnabled) {
            enabled = true;
            wasEnabled = true;
            return true;
        }
        return false;
    }

    /** The payload of the next probe if one is due (continuous mode on, none outstanding), else null. */
    byte[] probeDue(long now) {
        if (!enabled || probeOutstanding != null) {
            return null;
        }
        int sequence = ++probesSent;
        probeOutstanding = new byte[] {
            (byte) (sequence >>> 24), (byte) (sequence >>> 16), (byte) (sequence >>> 8), (byte) sequence};
        probeSentAt = now;
        return probeOutstanding.clone();
    }

    /**
     * A fence without Request came with {@code payload}: if it answers the outstanding probe, returns when that
     * probe went out ({@link System#nanoTime()}), else -1 (an answer to nothing of ours is ignored).
     */
    long probeAnswered(byte[] payload) {
        if (probeOutstanding == null || payload.length != PROBE_PAYLOAD_BYTES
                || !java.util.Arrays.equals(payload, probeOutstanding)) {
            return -1;
        }
        probeOutstanding = null;
        return probeSentAt;
    }
}
