// SPDX-License-Identifier: Apache-2.0

/**
 * Updates with fewer bytes after their first chunk do not measure bandwidth (small enough that a small desktop's
 * JPEG updates, about 17 KB for 640x480 at quality 6, still do: otherwise a slow link never lowers them)...
 */
export const MIN_SAMPLE_BYTES = 8 * 1024;
/** ...unless they came whole in one chunk of at least this many bytes. */
export const MIN_ONE_CHUNK_BYTES = 4 * 1024;
/** The time a one-chunk update counts as taking, in milliseconds. */
const ONE_CHUNK_MS = 1;
/** Updates of this size or more count fully in the average; smaller ones in proportion. */
const FULL_WEIGHT_BYTES = 128 * 1024;
/** Weight of a full-sized sample in the average. */
const SAMPLE_WEIGHT = 0.35;
const ROUND_TRIPS_KEPT = 16;
/** Chunk arrivals remembered, to find when an update's last byte came. */
const ARRIVALS_KEPT = 256;

/** `a` modulo `n`, never negative (Java's Math.floorMod). */
function floorMod(a, n) {
    return ((a % n) + n) % n;
}

/**
 * The bandwidth and round trip a session gets, measured from its own updates (the Java core's
 * LinkEstimate). The round trip is the shortest among recent waits from a FramebufferUpdateRequest
 * to the first bytes after it, or (continuous updates) from a fence probe to its answer. The bandwidth is an average over updates that arrive in more
 * than one chunk: the bytes after the first chunk by the time from the first chunk's arrival to the
 * arrival of the chunk with the update's last byte. Times are when the transport received the
 * bytes, not when they were decoded, so neither a busy decoder nor an update held back for the
 * display counts as link time; small updates mostly tell the server's pace, so they count for less.
 * An update of several KiB that arrives in one chunk came faster than a read can time: on a slow
 * link its packets arrive apart and the socket hands them over one by one, so it counts as that
 * many bytes in a millisecond (without it, a session moved to low quality on a link that then got
 * fast would send updates too small to ever time again).
 *
 * Times are milliseconds from one clock (performance.now() in a page, a fake one in tests), passed
 * in by the caller (RfbConnection); stream offsets count the bytes received before. Runs on the
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
        this._arrivalEnds = new Float64Array(ARRIVALS_KEPT);
        this._arrivalTimes = new Float64Array(ARRIVALS_KEPT);
        this._arrivalNext = 0;
        this._arrivalCount = 0;
        // null: no request waiting for its update, or no bytes yet after it.
        this._requestedAt = null;
        this._requestTimesRoundTrip = true;
        this._firstBytesAt = null;
        this._firstChunkStart = 0;
        this._firstChunkEnd = 0;
    }

    /**
     * An update is expected from `now` on: a FramebufferUpdateRequest was sent, or (continuous
     * updates) the last one ended. Only a request's wait for the first bytes is a round trip.
     */
    requested(now, timesRoundTrip = true) {
        if (this._requestedAt === null) {
            this._requestedAt = now;
            this._firstBytesAt = null;
            this._requestTimesRoundTrip = timesRoundTrip;
        }
    }

    /** A fence sent at `sentAt` was answered by the bytes up to stream offset `end`. */
    roundTrip(sentAt, end) {
        const at = this._arrivalOf(end);
        if (at >= sentAt) {
            this._addRoundTrip(at - sentAt);
        }
    }

    _addRoundTrip(ms) {
        this._roundTrips[this._roundTripNext] = ms;
        this._roundTripNext = (this._roundTripNext + 1) % ROUND_TRIPS_KEPT;
        this._roundTripCount = Math.min(this._roundTripCount + 1, ROUND_TRIPS_KEPT);
        this._shortestRoundTrip = Math.min(...this._roundTrips.subarray(0, this._roundTripCount));
    }

    /** `length` bytes, stream offsets `start` on, were received at `at`. */
    arrived(at, start, length) {
        this._arrivalEnds[this._arrivalNext] = start + length;
        this._arrivalTimes[this._arrivalNext] = at;
        this._arrivalNext = (this._arrivalNext + 1) % ARRIVALS_KEPT;
        this._arrivalCount = Math.min(this._arrivalCount + 1, ARRIVALS_KEPT);
        if (this._requestedAt !== null && this._firstBytesAt === null && at >= this._requestedAt) {
            this._firstBytesAt = at;
            this._firstChunkStart = start;
            this._firstChunkEnd = start + length;
            if (this._requestTimesRoundTrip) {
                this._addRoundTrip(at - this._requestedAt);
            }
        }
    }

    /** A FramebufferUpdate ended at stream offset `end` (the bytes consumed up to its last). */
    updateDone(end) {
        if (this._requestedAt === null || this._firstBytesAt === null) {
            this._requestedAt = null;
            return;
        }
        this._requestedAt = null;
        let bytes = end - this._firstChunkEnd;
        let ms = this._arrivalOf(end) - this._firstBytesAt;
        if (end <= this._firstChunkEnd && end - this._firstChunkStart >= MIN_ONE_CHUNK_BYTES) {
            bytes = end - this._firstChunkStart;
            ms = ONE_CHUNK_MS;
        } else if (bytes < MIN_SAMPLE_BYTES || ms <= 0) {
            return;
        }
        const sample = bytes * 8 / (ms / 1e3);
        const weight = SAMPLE_WEIGHT * Math.min(1, bytes / FULL_WEIGHT_BYTES);
        this._bitsPerSecond = Number.isNaN(this._bitsPerSecond) ? sample
            : this._bitsPerSecond + weight * (sample - this._bitsPerSecond);
        this._samples++;
    }

    /** When the chunk holding stream offset `end - 1` arrived (the latest remembered if it is older). */
    _arrivalOf(end) {
        let found = -1;
        for (let i = 0; i < this._arrivalCount; i++) {
            const at = floorMod(this._arrivalNext - 1 - i, ARRIVALS_KEPT);
            if (this._arrivalEnds[at] >= end) {
                found = this._arrivalTimes[at];
            } else {
                break;
            }
        }
        return found >= 0 ? found : this._arrivalTimes[floorMod(this._arrivalNext - 1, ARRIVALS_KEPT)];
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
