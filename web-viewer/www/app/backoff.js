// SPDX-License-Identifier: Apache-2.0

/**
 * Delays between reconnect attempts: doubling from `first` up to `max`, with up to 20% random
 * spread so many viewers of one restarted server do not all knock at the same instant. A
 * session that stayed up `stableAfter` ms starts again from `first`. No DOM, no timers: the
 * page asks for the next delay and schedules it itself.
 */
export class Backoff {
    constructor({ first = 1000, max = 30000, stableAfter = 10000, random = Math.random } = {}) {
        this._first = first;
        this._max = max;
        this._stableAfter = stableAfter;
        this._random = random;
        this._attempt = 0;
    }

    /** The delay before the next attempt, in ms. */
    next() {
        const base = Math.min(this._max, this._first * 2 ** Math.min(this._attempt, 30));
        this._attempt++;
        return Math.round(base * (1 + 0.2 * this._random()));
    }

    /** A session ended after `upFor` ms; a long one resets the sequence. */
    sessionEnded(upFor) {
        if (upFor >= this._stableAfter) {
            this._attempt = 0;
        }
    }

    reset() {
        this._attempt = 0;
    }

    get attempts() {
        return this._attempt;
    }
}
