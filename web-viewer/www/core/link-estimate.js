// SPDX-License-Identifier: Apache-2.0

/** Updates smaller than this do not measure bandwidth. */
export const MIN_SAMPLE_BYTES = 4 * 1024;
/** Weight of a new bandwidth sample in the average. */
const SAMPLE_WEIGHT = 0.35;
const ROUND_TRIPS_KEPT = 16;

/**
 * The bandwidth and round trip a session gets, measured from its own updates (the Java core's
 * LinkEstimate): the round trip is the shortest wait from a FramebufferUpdateRequest to the first
 * bytes after it among recent ones; the bandwidth an average over large updates of their bytes by
 * the time from their first bytes to their last. Small updates say more about the server's pace
 * than the link's, so they are not counted. A slow decoder shows as a slow link, which is what it
 * is to the user.
 *
 * Times are milliseconds from one clock (performance.now() in a page, a fake one in tests), passed
 * in by the caller (RfbConnection); byte counts are bytes consumed from the input. Runs on the
 * page's one thread.
 */
export class LinkEstimate {
    constructor() {
        this._roundTrips = new Float64Array(ROUND_TRIPS_KEPT);
        this._roundTripCount = 0;
        this._roundTripNext = 0;
        this._bitsPerSecond = NaN;
        this._samples = 0;
        this._shortestRoundTrip = -1;
        // null: no request waiting for its update, or no bytes yet after it.
        this._requestedAt = null;
        this._firstBytesAt = null;
        this._bytesBefore = 0;
    }

    /** A FramebufferUpdateRequest was sent; `received` is the session's byte count so far. */
    requested(now, received) {
        if (this._requestedAt === null) {
            this._requestedAt = now;
            this._firstBytesAt = null;
            this._bytesBefore = received;
        }
    }

    /** Bytes arrived; `before` is the byte count before them. */
    arrived(now, before) {
        if (this._requestedAt !== null && this._firstBytesAt === null) {
            this._firstBytesAt = now;
            this._bytesBefore = before;
            this._roundTrips[this._roundTripNext] = now - this._requestedAt;
            this._roundTripNext = (this._roundTripNext + 1) % ROUND_TRIPS_KEPT;
            this._roundTripCount = Math.min(this._roundTripCount + 1, ROUND_TRIPS_KEPT);
            this._shortestRoundTrip = Math.min(...this._roundTrips.subarray(0, this._roundTripCount));
        }
    }

    /** A FramebufferUpdate ended; `received` is the byte count up to its end. */
    updateDone(now, received) {
        if (this._requestedAt === null || this._firstBytesAt === null) {
            return;
        }
        const bytes = received - this._bytesBefore;
        const ms = now - this._firstBytesAt;
        this._requestedAt = null;
        if (bytes < MIN_SAMPLE_BYTES || ms <= 0) {
            return;
        }
        const sample = bytes * 8 / (ms / 1e3);
        this._bitsPerSecond = Number.isNaN(this._bitsPerSecond) ? sample
            : this._bitsPerSecond + SAMPLE_WEIGHT * (sample - this._bitsPerSecond);
        this._samples++;
    }

    /** The average bandwidth in bits per second, NaN until a large update was measured. */
    get bitsPerSecond() {
        return this._bitsPerSecond;
    }

    /** How many updates were large enough to measure bandwidth. */
    get samples() {
        return this._samples;
    }

    /** The shortest recent round trip in milliseconds, -1 until one was measured. */
    get roundTripMs() {
        return this._shortestRoundTrip;
    }

    /** For a status line: "23.4 Mbit/s, 41 ms", or what is not measured yet. */
    describe() {
        const bits = this._bitsPerSecond;
        const rtt = this._shortestRoundTrip;
        const bandwidth = Number.isNaN(bits) ? 'bandwidth not measured yet'
            : bits >= 1e9 ? `${(bits / 1e9).toFixed(1)} Gbit/s`
                : `${(bits / 1e6).toFixed(1)} Mbit/s`;
        return rtt < 0 ? bandwidth : `${bandwidth}, ${rtt.toFixed(0)} ms`;
    }
}
