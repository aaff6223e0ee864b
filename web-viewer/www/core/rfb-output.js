// SPDX-License-Identifier: Apache-2.0

/**
 * Bytes the client will send, written big-endian (the Java core's RfbOutput). The protocol layer
 * writes messages here; the client drains it with take() and hands the bytes to the transport.
 */
export class RfbOutput {
    constructor() {
        this._bytes = new Uint8Array(256);
        this._size = 0;
    }

    _ensure(more) {
        if (this._size + more > this._bytes.length) {
            const grown = new Uint8Array(Math.max(this._size + more, this._bytes.length * 2));
            grown.set(this._bytes.subarray(0, this._size));
            this._bytes = grown;
        }
    }

    writeU8(value) {
        this._ensure(1);
        this._bytes[this._size++] = value & 0xff;
        return this;
    }

    writeU16(value) {
        this._ensure(2);
        this._bytes[this._size++] = (value >>> 8) & 0xff;
        this._bytes[this._size++] = value & 0xff;
        return this;
    }

    /** Writes the low 32 bits of value, so signed and unsigned numbers both work. */
    writeU32(value) {
        this._ensure(4);
        this._bytes[this._size++] = (value >>> 24) & 0xff;
        this._bytes[this._size++] = (value >>> 16) & 0xff;
        this._bytes[this._size++] = (value >>> 8) & 0xff;
        this._bytes[this._size++] = value & 0xff;
        return this;
    }

    writeS32(value) {
        return this.writeU32(value);
    }

    writeBytes(bytes) {
        this._ensure(bytes.length);
        this._bytes.set(bytes, this._size);
        this._size += bytes.length;
        return this;
    }

    /** Writes count zero bytes of padding. */
    pad(count) {
        this._ensure(count);
        this._bytes.fill(0, this._size, this._size + count);
        this._size += count;
        return this;
    }

    /** Number of bytes waiting to be taken. */
    get size() {
        return this._size;
    }

    /** Returns the waiting bytes (a new array) and empties the buffer. */
    take() {
        const bytes = this._bytes.slice(0, this._size);
        this._size = 0;
        return bytes;
    }
}
