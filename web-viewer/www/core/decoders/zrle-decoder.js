// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from '../error-codes.js';
import { RfbError } from '../errors.js';
import { toRgba, valueToRgba } from '../pixel-format.js';
import { describeRect } from '../rect.js';
import { CHUNK, ZlibStream } from './zlib-stream.js';

const TILE = 64;
const MAX_PALETTE = 127;
/** The largest tile: single-pixel runs of four-byte pixels, each with its run byte, and the subencoding. */
const MAX_TILE_BYTES = 1 + 5 * TILE * TILE;

/** Thrown inside a tile whose bytes are not all inflated yet; the tile is decoded again when they are. */
const STARVED = Symbol('starved');

/**
 * ZRLE (RFC 6143 section 7.7.6), the Java core's ZrleDecoder: a length, then that many bytes of one
 * zlib stream that lasts the whole connection; inflated, they are the rectangle's 64x64 tiles, each
 * raw, solid, palette-packed or run-length coded, with "compressed pixels" of three bytes where a
 * 32-bit format leaves a byte unused.
 *
 * Compressed bytes are inflated as they arrive and each tile is painted once its last byte is
 * inflated, so the decoder holds at most one tile and one inflated chunk, whatever the rectangle's
 * size. The compressed length is bounded before use by what the rectangle's tiles can take (five
 * bytes a pixel for single-pixel runs plus a palette per tile) plus zlib's worst-case overhead, and
 * the inflated bytes by the same bound; every palette index and run is checked against the
 * palette and the tile. The zlib stream continues from one rectangle to the next, but servers flush
 * it after each one, so inflated bytes a rectangle leaves over are an error, not the next
 * rectangle's.
 *
 * A tile that runs out of bytes is tried again only once its pending bytes have doubled (or could
 * hold the largest tile, or the rectangle's bytes are all in): retrying at every chunk, as Java
 * does, costs the tile's length squared over the chunk size when a server sends tiny messages.
 * Contract: see RawDecoder.
 */
export class ZrleDecoder {
    constructor() {
        this._zlib = new ZlibStream('ZRLE');
        this._onInflated = (chunk) => this._inflated(chunk);
        this._tile = new Uint8ClampedArray(TILE * TILE * 4);
        this._palette = new Uint8ClampedArray(MAX_PALETTE * 4);
        // Inflated bytes not yet decoded: [_readAt, _inflatedEnd) of _pending.
        this._pending = new Uint8Array(MAX_TILE_BYTES + CHUNK);
        this._readAt = 0;
        this._inflatedEnd = 0;
        // A starved tile is tried again when this many bytes are pending for it.
        this._retryAt = 0;
        // When the rectangle's compressed bytes are all in, running out inside a tile is an error, not a wait.
        this._lastBytes = false;
        // The rectangle in progress.
        this._rect = null;
        this._format = null;
        this._display = null;
        this._cpixelBytes = 0;
        this._fitsInLowBytes = true;
        this._lengthRead = false;
        this._compressedLeft = 0;
        this._inflatedCap = 0;
        this._inflatedTotal = 0;
        this._tileX = 0;
        this._tileY = 0;
        this._leftOver = 0;
    }

    decodeRect(rect, input, pixelFormat, display) {
        if (!this._lengthRead) {
            if (!input.has(4)) {
                return false;
            }
            const length = input.readU32(); // length
            const tiles = Math.ceil(rect.width / TILE) * Math.ceil(rect.height / TILE);
            const inflatedCap = 5 * rect.width * rect.height + (1 + 4 * MAX_PALETTE) * tiles;
            const compressedCap = inflatedCap + Math.floor(inflatedCap / 1000) + 1024;
            if (length > compressedCap) {
                throw new RfbError(ErrorCode.BAD_ENCODING_DATA, `ZRLE rectangle ${describeRect(rect)} claims ` +
                    `${length} compressed bytes; its tiles can take at most ${compressedCap}`);
            }
            this._compressedLeft = length;
            this._lengthRead = true;
            this._startRect(rect, pixelFormat, display, inflatedCap);
        }
        this._compressedLeft = this._zlib.inflateFrom(input, this._compressedLeft, this._onInflated); // zlibData
        if (this._compressedLeft > 0) {
            return false;
        }
        this._lengthRead = false;
        this._lastBytes = true;
        this._decodeTiles();
        if (this._leftOver > 0) {
            // Servers flush the stream after every rectangle: what is left over belongs to no rectangle.
            throw new RfbError(ErrorCode.BAD_ENCODING_DATA, `ZRLE rectangle ${describeRect(rect)} leaves ` +
                `${this._leftOver} inflated bytes undecoded`);
        }
        return true;
    }

    _startRect(rect, pf, display, inflatedCap) {
        this._rect = rect;
        this._format = pf;
        this._display = display;
        this._cpixelBytes = compressedPixelBytes(pf);
        this._fitsInLowBytes = fitsInLowBytes(pf);
        this._inflatedCap = inflatedCap;
        this._readAt = 0;
        this._inflatedEnd = 0;
        this._retryAt = 0;
        this._inflatedTotal = 0;
        this._tileX = 0;
        this._tileY = 0;
        this._leftOver = 0;
        this._lastBytes = false;
    }

    _inflated(chunk) {
        this._inflatedTotal += chunk.length;
        if (this._inflatedTotal > this._inflatedCap) {
            throw new RfbError(ErrorCode.BAD_COMPRESSED_DATA, `ZRLE data inflates beyond the ` +
                `${this._inflatedCap} bytes its rectangle's tiles can take`);
        }
        if (this._tileY >= this._rect.height) {
            this._leftOver += chunk.length;
            return;
        }
        // What is pending is less than one tile (below _retryAt, at most MAX_TILE_BYTES), so it and
        // a chunk fit once moved to the front.
        if (this._pending.length - this._inflatedEnd < chunk.length) {
            this._pending.copyWithin(0, this._readAt, this._inflatedEnd);
            this._inflatedEnd -= this._readAt;
            this._readAt = 0;
        }
        this._pending.set(chunk, this._inflatedEnd);
        this._inflatedEnd += chunk.length;
        if (this._inflatedEnd - this._readAt >= this._retryAt) {
            this._decodeTiles();
        }
    }

    /** Paints every tile whose bytes are all inflated; the rest of the pending bytes wait for more. */
    _decodeTiles() {
        const rect = this._rect;
        while (this._tileY < rect.height) {
            const tw = Math.min(TILE, rect.width - this._tileX);
            const th = Math.min(TILE, rect.height - this._tileY);
            const tileStart = this._readAt;
            try {
                this._decodeTile(tw, th);
            } catch (error) {
                if (error !== STARVED) {
                    throw error;
                }
                this._readAt = tileStart;
                this._retryAt = Math.min(2 * (this._inflatedEnd - tileStart), MAX_TILE_BYTES);
                return;
            }
            this._retryAt = 0;
            const pixels = this._tile.slice(0, tw * th * 4);
            this._display.putPixels(rect.x + this._tileX, rect.y + this._tileY, tw, th, pixels);
            this._tileX += TILE;
            if (this._tileX >= rect.width) {
                this._tileX = 0;
                this._tileY += TILE;
            }
        }
        this._leftOver += this._inflatedEnd - this._readAt;
        this._readAt = 0;
        this._inflatedEnd = 0;
    }

    _decodeTile(tw, th) {
        const pixels = tw * th;
        const tile = this._tile;
        const subencoding = this._u8();
        if (subencoding === 0) {
            for (let i = 0; i < pixels; i++) {
                this._cpixel(tile, i * 4);
            }
        } else if (subencoding === 1) {
            this._cpixel(tile, 0);
            fill(tile, 0, 1, pixels);
        } else if (subencoding <= 16) {
            this._readPalette(subencoding);
            const bits = subencoding === 2 ? 1 : subencoding <= 4 ? 2 : 4;
            const mask = (1 << bits) - 1;
            for (let y = 0; y < th; y++) {
                let shift = 8;
                let current = 0;
                for (let x = 0; x < tw; x++) {
                    if (shift === 8) {
                        current = this._u8();
                        shift = 0;
                    }
                    shift += bits;
                    const index = (current >>> (8 - shift)) & mask;
                    if (index >= subencoding) {
                        throw this._tileError(`palette index ${index} with ${subencoding} colours`);
                    }
                    copyPixel(this._palette, index, tile, y * tw + x);
                }
            }
        } else if (subencoding === 128) {
            for (let done = 0; done < pixels;) {
                this._cpixel(tile, done * 4);
                const run = this._runLength(pixels - done);
                fill(tile, done, done + 1, done + run);
                done += run;
            }
        } else if (subencoding >= 130) {
            const size = subencoding - 128;
            this._readPalette(size);
            for (let done = 0; done < pixels;) {
                const code = this._u8();
                const index = code & 0x7f;
                if (index >= size) {
                    throw this._tileError(`palette index ${index} with ${size} colours`);
                }
                const run = (code & 0x80) === 0 ? 1 : this._runLength(pixels - done);
                copyPixel(this._palette, index, tile, done);
                fill(tile, done, done + 1, done + run);
                done += run;
            }
        } else {
            throw this._tileError(`unknown subencoding ${subencoding}`);
        }
    }

    _readPalette(size) {
        for (let i = 0; i < size; i++) {
            this._cpixel(this._palette, i * 4);
        }
    }

    /** A run's length: 1 plus its bytes, where each 255 means another byte follows; at most `left`. */
    _runLength(left) {
        let length = 1;
        let b;
        do {
            b = this._u8();
            length += b;
            if (length > left) {
                throw this._tileError(`a run longer than the ${left} pixels left in the tile`);
            }
        } while (b === 255);
        return length;
    }

    _u8() {
        if (this._readAt >= this._inflatedEnd) {
            this._ranOutInTile();
        }
        return this._pending[this._readAt++];
    }

    _ranOutInTile() {
        if (this._lastBytes) {
            throw this._tileError('the data ends inside the tile');
        }
        throw STARVED;
    }

    /** Reads one compressed pixel and writes its RGBA to dst[d..]. */
    _cpixel(dst, d) {
        const pf = this._format;
        const cpixelBytes = this._cpixelBytes;
        if (this._inflatedEnd - this._readAt < cpixelBytes) {
            this._ranOutInTile();
        }
        const at = this._readAt;
        this._readAt += cpixelBytes;
        const pending = this._pending;
        if (cpixelBytes === pf.bitsPerPixel >> 3) {
            toRgba(pf, pending, at, dst, d, 1);
            return;
        }
        const b0 = pending[at];
        const b1 = pending[at + 1];
        const b2 = pending[at + 2];
        // The three bytes are the pixel's bytes in wire order with the unused one left out.
        const value = pf.bigEndian ? (b0 << 16) | (b1 << 8) | b2 : (b2 << 16) | (b1 << 8) | b0;
        valueToRgba(pf, this._fitsInLowBytes ? value : (value << 8) >>> 0, dst, d);
    }

    _tileError(what) {
        const rect = this._rect;
        return new RfbError(ErrorCode.BAD_ENCODING_DATA, `ZRLE rectangle ${describeRect(rect)}, tile at ` +
            `${rect.x + this._tileX},${rect.y + this._tileY}: ${what}`);
    }
}

function copyPixel(src, from, dst, to) {
    dst[to * 4] = src[from * 4];
    dst[to * 4 + 1] = src[from * 4 + 1];
    dst[to * 4 + 2] = src[from * 4 + 2];
    dst[to * 4 + 3] = 255;
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
