// SPDX-License-Identifier: Apache-2.0

/**
 * Bytes received from the server, in arrival order, read front to back (the Java core's RfbInput).
 *
 * WebSocket messages split and pack RFB messages in any way, so readers never see message
 * boundaries: they ask `has(n)` (or peek) first and read only what is there. Chunks are kept as
 * given (no concatenation on push) so an 8 MB Raw update costs one copy, into the pixel buffer.
 *
 * Every read of more bytes than are queued throws a RangeError: that is a bug in the reader,
 * never a way to say "need more bytes" (readers return false for that).
 */
export class RfbInput {
    constructor() {
        /** @type {Uint8Array[]} */
        this._chunks = [];
        this._first = 0;     // index into _chunks of the chunk being read
        this._offset = 0;    // read position inside _chunks[_first]
        this._length = 0;    // bytes queued and not yet read
        this._appended = 0;  // bytes ever pushed
    }

    /** Bytes ever pushed: the stream offset the next pushed byte will have. */
    get appended() {
        return this._appended;
    }

    /** Bytes consumed since the input was made (for statistics and the link's measurement). */
    get consumed() {
        return this._appended - this._length;
    }

    /** Number of unread bytes. */
    get length() {
        return this._length;
    }

    /** Number of unread bytes (the Java core's name). */
    get available() {
        return this._length;
    }

    /** True when at least n bytes are queued. */
    has(n) {
        return this._length >= n;
    }

    /**
     * Appends received bytes. The queue keeps a reference: the caller must not modify them later.
     * @param {Uint8Array|ArrayBuffer} bytes
     */
    push(bytes) {
        const chunk = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
        if (chunk.length === 0) {
            return;
        }
        this._chunks.push(chunk);
        this._length += chunk.length;
        this._appended += chunk.length;
    }

    /** An input holding just these bytes (for parsing a copy taken with peekBytes). */
    static of(bytes) {
        const input = new RfbInput();
        input.push(bytes);
        return input;
    }

    /** A copy of n bytes starting `at` bytes past the read position, without consuming anything. */
    peekBytes(at, n) {
        this._require(at + n);
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
            out[i] = this.peekU8(at + i);
        }
        return out;
    }

    /** Drops everything queued. */
    clear() {
        this._chunks = [];
        this._first = 0;
        this._offset = 0;
        this._length = 0;
    }

    /** Byte at position `at` past the read position, without consuming it. */
    peekU8(at = 0) {
        this._require(at + 1);
        let index = this._first;
        let pos = this._offset + at;
        while (pos >= this._chunks[index].length) {
            pos -= this._chunks[index].length;
            index++;
        }
        return this._chunks[index][pos];
    }

    peekU16(at = 0) {
        return (this.peekU8(at) << 8) | this.peekU8(at + 1);
    }

    peekU32(at = 0) {
        return ((this.peekU8(at) << 24) | (this.peekU8(at + 1) << 16) |
                (this.peekU8(at + 2) << 8) | this.peekU8(at + 3)) >>> 0;
    }

    readU8() {
        this._require(1);
        const chunk = this._chunks[this._first];
        const value = chunk[this._offset];
        this._advance(1);
        return value;
    }

    readU16() {
        this._require(2);
        const chunk = this._chunks[this._first];
        if (this._offset + 2 <= chunk.length) {
            const value = (chunk[this._offset] << 8) | chunk[this._offset + 1];
            this._advance(2);
            return value;
        }
        return (this.readU8() << 8) | this.readU8();
    }

    readU32() {
        this._require(4);
        const chunk = this._chunks[this._first];
        if (this._offset + 4 <= chunk.length) {
            const o = this._offset;
            const value = ((chunk[o] << 24) | (chunk[o + 1] << 16) | (chunk[o + 2] << 8) | chunk[o + 3]) >>> 0;
            this._advance(4);
            return value;
        }
        return ((this.readU8() << 24) | (this.readU8() << 16) | (this.readU8() << 8) | this.readU8()) >>> 0;
    }

    readS32() {
        return this.readU32() | 0;
    }

    /**
     * Reads n bytes into a new array the caller owns.
     * @returns {Uint8Array}
     */
    readBytes(n) {
        const out = new Uint8Array(n);
        this.readInto(out, 0, n);
        return out;
    }

    /** Copies the next n bytes into target[targetOffset...] and consumes them. */
    readInto(target, targetOffset, n) {
        this._require(n);
        let written = 0;
        while (written < n) {
            const chunk = this._chunks[this._first];
            const take = Math.min(n - written, chunk.length - this._offset);
            target.set(chunk.subarray(this._offset, this._offset + take), targetOffset + written);
            written += take;
            this._advance(take);
        }
    }

    /**
     * Lends the next n bytes to consumer in place, as views of the queued chunks (one call per chunk
     * they span), then consumes them: bulk data is handled where it lies instead of being copied out
     * first. Read the views during the call; never write or keep them.
     */
    consume(n, consumer) {
        this._require(n);
        let left = n;
        while (left > 0) {
            const chunk = this._chunks[this._first];
            const take = Math.min(left, chunk.length - this._offset);
            const view = chunk.subarray(this._offset, this._offset + take);
            left -= take;
            this._advance(take);
            consumer(view);
        }
    }

    /** Consumes n bytes without looking at them. */
    skip(n) {
        this._require(n);
        let left = n;
        while (left > 0) {
            const chunk = this._chunks[this._first];
            const take = Math.min(left, chunk.length - this._offset);
            left -= take;
            this._advance(take);
        }
    }

    /** Skips up to max bytes, as many as are queued, and returns how many it skipped. */
    skipAvailable(max) {
        const skipped = Math.min(max, this._length);
        this.skip(skipped);
        return skipped;
    }

    _advance(n) {
        this._offset += n;
        this._length -= n;
        if (this._offset === this._chunks[this._first].length) {
            this._first++;
            this._offset = 0;
            // Drop read chunks in batches so the array does not grow with the session and
            // shifting stays amortised O(1).
            if (this._first === this._chunks.length) {
                this._chunks = [];
                this._first = 0;
            } else if (this._first >= 64) {
                this._chunks = this._chunks.slice(this._first);
                this._first = 0;
            }
        }
    }

    _require(n) {
        if (n > this._length) {
            throw new RangeError(`read of ${n} bytes with only ${this._length} queued`);
        }
    }
}
