// SPDX-License-Identifier: Apache-2.0

import { encodingName } from '../core/encodings.js';

/**
 * The status line's rates (the JavaFX viewer's SessionStats): updates and bytes a second and the
 * dominant encoding, from the client's own statistics (RfbClient.stats). sample() is called about
 * once a second by the page; no DOM.
 */
export class SessionStats {
    constructor() {
        this._lastMs = null;
        this._last = null;
        this._lastEncoding = '';
    }

    /**
     * Rates since the previous call, from the client's totals `snapshot` at `nowMs`. The encoding
     * is the one that painted most rectangles in the interval, or the previous one when nothing was
     * painted ("" until something was). The first call gives rates of 0.
     * @returns {{updatesPerSecond: number, bytesPerSecond: number, encoding: string}}
     */
    sample(nowMs, snapshot) {
        const dominant = snapshot.dominantSince(this._last);
        if (dominant !== null) {
            this._lastEncoding = encodingName(dominant);
        }
        let result = { updatesPerSecond: 0, bytesPerSecond: 0, encoding: this._lastEncoding };
        if (this._lastMs !== null && nowMs > this._lastMs) {
            const seconds = (nowMs - this._lastMs) / 1e3;
            result = {
                updatesPerSecond: (snapshot.updates - this._last.updates) / seconds,
                bytesPerSecond: (snapshot.bytesReceived - this._last.bytesReceived) / seconds,
                encoding: this._lastEncoding,
            };
        }
        this._lastMs = nowMs;
        this._last = snapshot;
        return result;
    }
}

/**
 * What the status line says of a connected session after its name: "Tight (JPEG quality 6, auto) ·
 * 23.4 Mbit/s, 41 ms · 30 updates/s" (the encoding, the quality asked for, the link, the rate).
 * @param {{encodingChoice: object|null, link: {describe: () => string}}} client an RfbClient
 * @param {{updatesPerSecond: number, encoding: string}} sample from SessionStats
 */
export function describeSession(client, sample) {
    const parts = [];
    const quality = client.encodingChoice?.describeQuality() ?? '';
    if (sample.encoding && quality) {
        parts.push(`${sample.encoding} (${quality})`);
    } else if (sample.encoding || quality) {
        parts.push(sample.encoding || quality);
    }
    parts.push(client.link.describe(), `${sample.updatesPerSecond.toFixed(0)} updates/s`);
    return parts.join(' · ');
}
