// SPDX-License-Identifier: Apache-2.0

import { isPixelEncoding } from './encodings.js';

/**
 * What a connection has received and decoded (the Java core's DecodeStats): bytes, updates, and per
 * encoding the rectangles, their bytes on the wire and the milliseconds spent in their decoder
 * (images a display decodes later are not in that time). The connection's reader counts;
 * snapshot() gives a copy for a status line or a benchmark. Runs on the page's one thread.
 */
export class DecodeStats {
    constructor() {
        this._bytesReceived = 0;
        this._updates = 0;
        /** @type {Map<number, {rectangles: number, bytes: number, ms: number}>} */
        this._byEncoding = new Map();
    }

    /** `count` bytes arrived from the server. */
    received(count) {
        this._bytesReceived += count;
    }

    /** A FramebufferUpdate ended. */
    updateDone() {
        this._updates++;
    }

    /** A rectangle of `encoding` ended: `bytes` on the wire with its header, `ms` in its decoder. */
    rectDone(encoding, bytes, ms) {
        let totals = this._byEncoding.get(encoding);
        if (totals === undefined) {
            totals = { rectangles: 0, bytes: 0, ms: 0 };
            this._byEncoding.set(encoding, totals);
        }
        totals.rectangles++;
        totals.bytes += bytes;
        totals.ms += ms;
    }

    get bytesReceived() {
        return this._bytesReceived;
    }

    /** The totals so far, as a copy. */
    snapshot() {
        const byEncoding = new Map([...this._byEncoding.entries()].sort(([a], [b]) => a - b)
            .map(([encoding, totals]) => [encoding, Object.freeze({ ...totals })]));
        return new DecodeStatsSnapshot(this._bytesReceived, this._updates, byEncoding);
    }
}

/** Totals at one time; `byEncoding` is keyed by encoding number in ascending order. */
export class DecodeStatsSnapshot {
    constructor(bytesReceived, updates, byEncoding) {
        this.bytesReceived = bytesReceived;
        this.updates = updates;
        /** @type {ReadonlyMap<number, {rectangles: number, bytes: number, ms: number}>} */
        this.byEncoding = byEncoding;
        /** Rectangles of every encoding, pseudo-encodings too. */
        this.rectangles = [...byEncoding.values()].reduce((sum, totals) => sum + totals.rectangles, 0);
        Object.freeze(this);
    }

    /**
     * The pixel encoding with the most rectangles since `earlier` (a snapshot, or null for since the
     * start), or null when none were decoded; pseudo-encodings (a cursor, a resize) carry no pixels
     * and do not count.
     */
    dominantSince(earlier) {
        let best = null;
        let most = 0;
        for (const [encoding, totals] of this.byEncoding) {
            if (!isPixelEncoding(encoding)) {
                continue;
            }
            const count = totals.rectangles - (earlier?.byEncoding.get(encoding)?.rectangles ?? 0);
            if (count > most) {
                most = count;
                best = encoding;
            }
        }
        return best;
    }
}
