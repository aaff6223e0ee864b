// SPDX-License-Identifier: Apache-2.0

import { Inflate } from '../../vendor/pako/pako_inflate.esm.min.mjs';
import { ErrorCode } from '../error-codes.js';
import { RfbError } from '../errors.js';
import { toRgba, valueToRgba } from '../pixel-format.js';

const TILE = 64;
const MAX_PALETTE = 127;
/** zlib's flush mode that returns what the input so far inflates to, leaving the stream open. */
const Z_SYNC_FLUSH = 2;
const Z_STREAM_END = 1;
const Z_NEED_DICT = 2;

/**
 * ZRLE (RFC 6143 section 7.7.6), the Java core's ZrleDecoder: a length, then that many bytes of one
 * zlib stream that lasts the whole connection; inflated, they are the rectangle's 64x64 tiles, each
 * raw, solid, palette-packed or run-length coded, with "compressed pixels" of three bytes where a
 * 32-bit format leaves a byte unused.
 *
 * Compressed bytes are inflated as they arrive (pako, vendored), so nothing waits in the input; the
 * tiles are decoded once the rectangle's last compressed byte is in. Inflated data is bounded by what
 * the rectangle's tiles can take (five bytes a pixel for single-pixel runs plus a palette per tile)
 * and the compressed length by that plus zlib's worst-case overhead, both checked before use; every
 * palette index and run is checked against the palette and the tile. The zlib stream continues
 * from one rectangle to the next, but servers flush it after each one, so inflated bytes a rectangle
 * leaves over are an error. Contract: see RawDecoder.
 */
export class ZrleDecoder {
    constructor() {
        // windowBits 15 without pako's +32: zlib only, as java.util.zip.Inflater, never gzip.
        this._inflater = new Inflate({ windowBits: 15 });
        this._inflater.onData = (chunk) => this._append(chunk);
        // The inflated stream: bytes [_readAt, _inflated) are not yet decoded.
        this._stream = new Uint8Array(64 * 1024);
        this._readAt = 0;
        this._inflated = 0;
        this._lengthRead = false;
        this._compressedLeft = 0;
        this._inflatedCap = 0;
        this._rect = null;
        this._tile = new Uint8ClampedArray(TILE * TILE * 4);
        this._palette = new Uint8ClampedArray(MAX_PALETTE * 4);
    }

    decodeRect(rect, input, pixelFormat, display) {
        this._rect = rect;
        if (!this._lengthRead) {
            if (!input.has(4)) {
                return false;
            }
            const length = input.readU32(); // length
            const tiles = Math.ceil(rect.width / TILE) * Math.ceil(rect.height / TILE);
            this._inflatedCap = 5 * rect.width * rect.height + (1 + 4 * MAX_PALETTE) * tiles;
            const compressedCap = this._inflatedCap + Math.floor(this._inflatedCap / 1000) + 1024;
            if (length > compressedCap) {
                throw new RfbError(ErrorCode.BAD_ENCODING_DATA, `ZRLE rectangle ${describe(rect)} claims ${length} ` +
                    `compressed bytes; its tiles can take at most ${compressedCap}`);
            }
            this._compressedLeft = length;
            this._lengthRead = true;
        }
        while (this._compressedLeft > 0 && input.length > 0) {
            const count = Math.min(this._compressedLeft, input.length);
            input.consume(count, (bytes) => this._inflate(bytes)); // zlibData
            this._compressedLeft -= count;
        }
        if (this._compressedLeft > 0) {
            return false;
        }
        this._lengthRead = false;
        this._decodeTiles(rect, pixelFormat, display);
        return true;
    }

    _inflate(bytes) {
        this._inflater.push(bytes, Z_SYNC_FLUSH);
        // pako ends the stream on bad data (err < 0), on a dictionary request (2) and at the stream's
        // end (err 0 or 1); the last two are also errors here, as the stream must last the connection.
        if (this._inflater.ended) {
            const err = this._inflater.err;
            throw new RfbError(ErrorCode.BAD_COMPRESSED_DATA, err === 0 || err === Z_STREAM_END || err === Z_NEED_DICT
                ? 'ZRLE zlib stream ended or asked for a dictionary' : 'ZRLE data is not valid zlib');
        }
    }

    /** Keeps inflated bytes, within the rectangle's bound. */
    _append(chunk) {
        const needed = this._inflated + chunk.length;
        if (needed > this._inflatedCap) {
            throw new RfbError(ErrorCode.BAD_COMPRESSED_DATA, `ZRLE data inflates beyond the ` +
                `${this._inflatedCap} bytes its rectangle's tiles can take`);
        }
        if (needed > this._stream.length) {
            const bigger = new Uint8Array(Math.min(this._inflatedCap, Math.max(needed, 2 * this._stream.length)));
            bigger.set(this._stream.subarray(0, this._inflated));
            this._stream = bigger;
        }
        this._stream.set(chunk, this._inflated);
        this._inflated = needed;
    }

    _decodeTiles(rect, pf, display) {
        const cpixelBytes = compressedPixelBytes(pf);
        for (let ty = 0; ty < rect.height; ty += TILE) {
            const th = Math.min(TILE, rect.height - ty);
            for (let tx = 0; tx < rect.width; tx += TILE) {
                const tw = Math.min(TILE, rect.width - tx);
                this._decodeTile(tx, ty, tw, th, pf, cpixelBytes);
                display.putPixels(rect.x + tx, rect.y + ty, tw, th, this._tile.slice(0, tw * th * 4));
            }
        }
        if (this._readAt !== this._inflated) {
            // Servers flush the stream after every rectangle: what is left over belongs to no rectangle.
            throw new RfbError(ErrorCode.BAD_ENCODING_DATA, `ZRLE rectangle ${describe(rect)} leaves ` +
                `${this._inflated - this._readAt} inflated bytes undecoded`);
        }
        this._readAt = 0;
        this._inflated = 0;
    }

    _decodeTile(tx, ty, tw, th, pf, cpixelBytes) {
        const pixels = tw * th;
        const tile = this._tile;
        const subencoding = this._u8(tx, ty);
        if (subencoding === 0) {
            for (let i = 0; i < pixels; i++) {
                this._cpixel(tx, ty, pf, cpixelBytes, tile, i * 4);
            }
        } else if (subencoding === 1) {
            this._cpixel(tx, ty, pf, cpixelBytes, tile, 0);
            fill(tile, 0, 1, pixels);
        } else if (subencoding <= 16) {
            this._readPalette(subencoding, tx, ty, pf, cpixelBytes);
            const bits = subencoding === 2 ? 1 : subencoding <= 4 ? 2 : 4;
            const mask = (1 << bits) - 1;
            for (let y = 0; y < th; y++) {
                let shift = 8;
                let current = 0;
                for (let x = 0; x < tw; x++) {
                    if (shift === 8) {
                        current = this._u8(tx, ty);
                        shift = 0;
                    }
                    shift += bits;
                    const index = (current >>> (8 - shift)) & mask;
                    if (index >= subencoding) {
                        throw this._tileError(tx, ty, `palette index ${index} with ${subencoding} colours`);
                    }
                    tile.set(this._palette.subarray(index * 4, index * 4 + 4), (y * tw + x) * 4);
                }
            }
        } else if (subencoding === 128) {
            for (let done = 0; done < pixels;) {
                this._cpixel(tx, ty, pf, cpixelBytes, tile, done * 4);
                const run = this._runLength(tx, ty, pixels - done);
                fill(tile, done, done + 1, done + run);
                done += run;
            }
        } else if (subencoding >= 130) {
            const size = subencoding - 128;
            this._readPalette(size, tx, ty, pf, cpixelBytes);
            for (let done = 0; done < pixels;) {
                const code = this._u8(tx, ty);
                const index = code & 0x7f;
                if (index >= size) {
                    throw this._tileError(tx, ty, `palette index ${index} with ${size} colours`);
                }
                const run = (code & 0x80) === 0 ? 1 : this._runLength(tx, ty, pixels - done);
                tile.set(this._palette.subarray(index * 4, index * 4 + 4), done * 4);
                fill(tile, done, done + 1, done + run);
                done += run;
            }
        } else {
            throw this._tileError(tx, ty, `unknown subencoding ${subencoding}`);
        }
    }

    _readPalette(size, tx, ty, pf, cpixelBytes) {
        for (let i = 0; i < size; i++) {
            this._cpixel(tx, ty, pf, cpixelBytes, this._palette, i * 4);
        }
    }

    /** A run's length: 1 plus its bytes, where each 255 means another byte follows; at most `left`. */
    _runLength(tx, ty, left) {
        let length = 1;
        let b;
        do {
            b = this._u8(tx, ty);
            length += b;
            if (length > left) {
                throw this._tileError(tx, ty, `a run longer than the ${left} pixels left in the tile`);
            }
        } while (b === 255);
        return length;
    }

    _u8(tx, ty) {
        if (this._readAt >= this._inflated) {
            throw this._tileError(tx, ty, 'the data ends inside the tile');
        }
        return this._stream[this._readAt++];
    }

    /** Reads one compressed pixel and writes its RGBA to dst[d..]. */
    _cpixel(tx, ty, pf, cpixelBytes, dst, d) {
        if (this._inflated - this._readAt < cpixelBytes) {
            throw this._tileError(tx, ty, 'the data ends inside the tile');
        }
        const at = this._readAt;
        this._readAt += cpixelBytes;
        if (cpixelBytes === pf.bitsPerPixel >> 3) {
            toRgba(pf, this._stream, at, dst, d, 1);
            return;
        }
        const [b0, b1, b2] = this._stream.subarray(at, at + 3);
        // The three bytes are the pixel's bytes in wire order with the unused one left out.
        const value = pf.bigEndian ? (b0 << 16) | (b1 << 8) | b2 : (b2 << 16) | (b1 << 8) | b0;
        valueToRgba(pf, fitsInLowBytes(pf) ? value : (value << 8) >>> 0, dst, d);
    }

    _tileError(tx, ty, what) {
        return new RfbError(ErrorCode.BAD_ENCODING_DATA,
            `ZRLE rectangle ${describe(this._rect)}, tile at ${this._rect.x + tx},${this._rect.y + ty}: ${what}`);
    }
}

/** Copies the RGBA of pixel `from` to pixels [start, end). */
function fill(tile, from, start, end) {
    const r = tile[from * 4];
    const g = tile[from * 4 + 1];
    const b = tile[from * 4 + 2];
    for (let i = start * 4; i < end * 4; i += 4) {
        tile[i] = r;
        tile[i + 1] = g;
        tile[i + 2] = b;
        tile[i + 3] = 255;
    }
}

function describe(rect) {
    return `${rect.width}x${rect.height}+${rect.x}+${rect.y}`;
}

/** Three for true-colour 32-bit formats whose colour bits fit in three bytes, else the pixel size. */
export function compressedPixelBytes(pf) {
    if (pf.trueColour && pf.bitsPerPixel === 32 && pf.depth <= 24 && (fitsInLowBytes(pf) || fitsInHighBytes(pf))) {
        return 3;
    }
    return pf.bitsPerPixel >> 3;
}

function colourBits(pf) {
    return BigInt(pf.redMax) << BigInt(pf.redShift) | BigInt(pf.greenMax) << BigInt(pf.greenShift) |
        BigInt(pf.blueMax) << BigInt(pf.blueShift);
}

function fitsInLowBytes(pf) {
    return (colourBits(pf) & ~0xffffffn) === 0n;
}

function fitsInHighBytes(pf) {
    return (colourBits(pf) & ~0xffffff00n) === 0n;
}
