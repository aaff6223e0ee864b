// SPDX-License-Identifier: Apache-2.0

/**
 * Reads a length-prefixed field of `length` bytes whose first `keep` bytes are worth keeping,
 * as bytes arrive: only `keep` bytes are ever allocated, the rest is skipped. A hostile length
 * (4 GiB of clipboard) then costs time on the wire, never memory.
 */
export class CappedRead {
    /**
     * @param {number} length bytes the field has on the wire
     * @param {number} keep bytes to keep, at most `length`
     */
    constructor(length, keep) {
        this.length = length;
        this.kept = new Uint8Array(Math.min(keep, length));
        this._done = 0;
    }

    /** True when the field has been consumed entirely; false when more bytes are needed. */
    step(queue) {
        while (this._done < this.length) {
            if (queue.length === 0) {
                return false;
            }
            const available = Math.min(queue.length, this.length - this._done);
            if (this._done < this.kept.length) {
                const take = Math.min(available, this.kept.length - this._done);
                queue.readInto(this.kept, this._done, take);
                this._done += take;
            } else {
                queue.skip(available);
                this._done += available;
            }
        }
        return true;
    }

    /** True when bytes past `keep` were dropped. */
    get truncated() {
        return this.kept.length < this.length;
    }
}

/** ISO 8859-1 text from bytes (TextDecoder's "latin1" is really windows-1252). */
export function latin1(bytes) {
    let text = '';
    for (let i = 0; i < bytes.length; i += 8192) {
        text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
    }
    return text;
}

/**
 * Text of a desktop name or failure reason: the RFC leaves their encoding open; servers send
 * UTF-8 (TigerVNC, QEMU) or Latin-1 (older ones), so UTF-8 when valid, else Latin-1. A sequence
 * cut off at the end (by a length cap) is dropped rather than taken as a sign of Latin-1.
 */
export function serverText(bytes) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    } catch {
        return latin1(bytes);
    }
}
