// SPDX-License-Identifier: Apache-2.0

import { Inflate } from '../../vendor/pako/pako_inflate.esm.min.mjs';
import { ErrorCode } from '../error-codes.js';
import { RfbError } from '../errors.js';

/** The most inflated bytes handed to the sink in one call. */
export const CHUNK = 32 * 1024;

/** zlib's flush mode that hands out what the input so far inflates to, leaving the stream open. */
const Z_SYNC_FLUSH = 2;
const Z_OK = 0;
const Z_STREAM_END = 1;
const Z_NEED_DICT = 2;

/**
 * One zlib stream that lasts a connection (ZRLE and Zlib have one, Tight four), the Java core's
 * ZlibStream: inflated (pako, vendored) as the compressed bytes arrive and handed on in chunks of
 * at most CHUNK bytes, so that no decoder ever holds a whole inflated rectangle. Servers flush the
 * stream at the end of every rectangle, so a rectangle's compressed bytes inflate to exactly its
 * data; the decoder that owns the stream checks the count.
 *
 * A stream that ends or asks for a preset dictionary is an error: nothing can follow it, yet the
 * connection goes on.
 */
export class ZlibStream {
    /** @param {string} owner the encoding and stream named in errors, for example "Tight stream 2" */
    constructor(owner) {
        this._owner = owner;
        this._sink = null;
        this._inflater = this._newInflater();
    }

    /**
     * Inflates compressed bytes and hands everything they inflate to `sink(chunk)`, in order,
     * before returning. The chunks are lent for the call: read them, never keep them. The sink may
     * throw to end the session.
     * @param {Uint8Array} bytes
     * @param {(chunk: Uint8Array) => void} sink
     */
    inflate(bytes, sink) {
        this._sink = sink;
        try {
            this._inflater.push(bytes, Z_SYNC_FLUSH);
        } finally {
            this._sink = null;
        }
        if (this._inflater.ended) {
            // pako ends the stream at its end (err 0 after it, or 1), on a dictionary request (2)
            // and on bad data (below 0); the first two are errors here too, as the stream must
            // last the connection.
            const err = this._inflater.err;
            const ended = err === Z_OK || err === Z_STREAM_END || err === Z_NEED_DICT;
            throw new RfbError(ErrorCode.BAD_COMPRESSED_DATA, ended
                ? `${this._owner} zlib stream ended or asked for a dictionary`
                : `${this._owner} data is not valid zlib`);
        }
    }

    /** Starts a new stream, as Tight's reset bits ask. */
    /**
     * Inflates as many of a rectangle's next `left` compressed bytes as `input` holds, handing what
     * they inflate to `sink`; returns how many compressed bytes of the rectangle are still to come.
     */
    inflateFrom(input, left, sink) {
        const count = Math.min(left, input.length);
        if (count > 0) {
            input.consume(count, (bytes) => this.inflate(bytes, sink)); // zlib data
        }
        return left - count;
    }

    reset() {
        this._inflater = this._newInflater();
    }

    _newInflater() {
        // windowBits 15 without pako's +32: zlib only, as java.util.zip.Inflater, never gzip.
        const inflater = new Inflate({ windowBits: 15, chunkSize: CHUNK });
        inflater.onData = (chunk) => this._sink(chunk);
        return inflater;
    }
}
