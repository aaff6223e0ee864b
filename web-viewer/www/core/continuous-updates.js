// SPDX-License-Identifier: Apache-2.0

/**
 * Whether a session runs in continuous-update mode, and its fence probes (the Java core's
 * ContinuousUpdates; the rules are protocol-tests/EXTENSIONS.md).
 *
 * A request per update costs a round trip between updates: on a 40 ms link the server idles for
 * 40 ms after each one. In continuous mode the server sends as the screen changes and paces itself
 * by how fast the client answers its fences, so the client answers at once, and only once it has
 * actually read that far: holding bytes back for a busy page then slows the server too. The
 * client's own probe (one fence outstanding at a time) gives the round trip requests no longer
 * measure.
 */
export const FenceFlag = Object.freeze({
    BLOCK_BEFORE: 0x00000001,
    BLOCK_AFTER: 0x00000002,
    SYNC_NEXT: 0x00000004,
    REQUEST: 0x80000000 | 0,
});

/** The flags an answer may carry: the ones this client honours (all, by handling messages in order). */
export const FENCE_ANSWER_FLAGS = FenceFlag.BLOCK_BEFORE | FenceFlag.BLOCK_AFTER | FenceFlag.SYNC_NEXT;
export const MAX_FENCE_PAYLOAD = 64;
const PROBE_PAYLOAD_BYTES = 4;

export class ContinuousUpdates {
    /** @param {boolean} announced the client asked for both Fence and ContinuousUpdates */
    constructor(announced) {
        this._announced = announced;
        this._serverSentFence = false;
        this._serverSentEnd = false;
        this._enabled = false;
        this._wasEnabled = false;
        this._probesSent = 0;
        this._probeOutstanding = null;
        this._probeSentAt = 0;
    }

    get enabled() {
        return this._enabled;
    }

    /** The server sent a Fence. Returns whether continuous mode should be enabled now. */
    serverSentFence() {
        this._serverSentFence = true;
        return this._readyToEnable();
    }

    /**
     * The server sent EndOfContinuousUpdates. Returns whether continuous mode should be enabled
     * now; if it was on, it is off now (the caller goes back to one request per update).
     */
    serverSentEnd() {
        if (this._enabled) {
            this._enabled = false;
            this._probeOutstanding = null;
            return false;
        }
        this._serverSentEnd = true;
        return this._readyToEnable();
    }

    // Once a session: a server that ended continuous mode wants requests, and re-enabling would undo it.
    _readyToEnable() {
        if (this._announced && this._serverSentFence && this._serverSentEnd && !this._wasEnabled) {
            this._enabled = true;
            this._wasEnabled = true;
            return true;
        }
        return false;
    }

    /** The payload of the next probe if one is due (continuous mode on, none outstanding), else null. */
    probeDue(now) {
        if (!this._enabled || this._probeOutstanding !== null) {
            return null;
        }
        const sequence = ++this._probesSent;
        this._probeOutstanding = Uint8Array.of(sequence >>> 24, (sequence >>> 16) & 0xff, (sequence >>> 8) & 0xff,
            sequence & 0xff);
        this._probeSentAt = now;
        return this._probeOutstanding.slice();
    }

    /**
     * A fence without Request came with `payload`: if it answers the outstanding probe, returns when
     * that probe went out, else null (an answer to nothing of ours is ignored).
     */
    probeAnswered(payload) {
        const probe = this._probeOutstanding;
        if (probe === null || payload.length !== PROBE_PAYLOAD_BYTES || !probe.every((b, i) => b === payload[i])) {
            return null;
        }
        this._probeOutstanding = null;
        return this._probeSentAt;
    }
}
