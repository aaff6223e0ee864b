// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from '../error-codes.js';
import { RfbError } from '../errors.js';
import { pixelValue, valueToRgba } from '../pixel-format.js';

export const COPY = 0;
export const PALETTE = 1;
export const GRADIENT = 2;

/**
 * The rows of one Tight basic-compression rectangle (the Java core's TightFilter), turned into
 * pixels by the rectangle's filter (copy, palette or gradient) and painted as their bytes arrive,
 * so that the decoder never holds more than a row of filtered data. Pixels are Tight's "TPIXEL"s:
 * three bytes, red, green and blue, where the format is 32-bit with three 8-bit channels, else the
 * format's own pixels.
 *
 * Unlike Java, which paints each row with its own call, the rows one chunk completes go to the
 * display in one putPixels: on a canvas each call is a putImageData.
 */
export class TightFilter {
    /**
     * @param {string} owner the rectangle named in errors, for example "Tight rectangle 4x4+0+0"
     * @param {Uint8ClampedArray|null} palette the palette's colours, 4 bytes RGBA each, for PALETTE
     */
    constructor(owner, rect, format, display, filter, palette) {
        this._owner = owner;
        this._rect = rect;
        this._format = format;
        this._display = display;
        this._filter = filter;
        this._palette = palette;
        this._paletteSize = palette === null ? 0 : palette.length / 4;
        this._tpixel = isTpixel(format);
        this._pixelBytes = tightPixelBytes(format);
        if (filter === GRADIENT && !format.trueColour) {
            throw new RfbError(ErrorCode.BAD_ENCODING_DATA,
                `${owner}: the gradient filter needs a true-colour pixel format`);
        }
        this._rowBytes = rowBytes(rect.width, format, filter, this._paletteSize);
        this._row = new Uint8Array(this._rowBytes);
        this._rowFill = 0;
        this._rowsDone = 0;
        if (filter === GRADIENT) {
            // The previous row's channel values, three per pixel, and the current row's.
            this._previous = new Int32Array(3 * rect.width);
            this._current = new Int32Array(3 * rect.width);
            this._max = this._tpixel ? [255, 255, 255] : [format.redMax, format.greenMax, format.blueMax];
            this._shift = [format.redShift, format.greenShift, format.blueShift];
        }
    }

    /** Whether every row has been painted (an empty rectangle has none to paint). */
    isComplete() {
        return this._rowsDone === this._rect.height || this._rowBytes === 0;
    }

    /** How many bytes of data the rectangle's rows take. */
    totalBytes() {
        return this._rect.height * this._rowBytes;
    }

    /** How many bytes of the rectangle's data are still to come. */
    bytesLeft() {
        return (this._rect.height - this._rowsDone) * this._rowBytes - this._rowFill;
    }

    /** Takes the next bytes of filtered data (lent for the call), painting the rows they complete. */
    accept(data) {
        if (data.length > this.bytesLeft()) {
            throw new RfbError(ErrorCode.BAD_COMPRESSED_DATA, `${this._owner}: the data inflates beyond the ` +
                `${this.totalBytes()} bytes its rows take`);
        }
        if (data.length === 0) {
            return;
        }
        const width = this._rect.width;
        const rows = Math.floor((this._rowFill + data.length) / this._rowBytes);
        const rgba = new Uint8ClampedArray(rows * width * 4);
        const firstRow = this._rowsDone;
        let at = 0;
        while (at < data.length) {
            const n = Math.min(this._rowBytes - this._rowFill, data.length - at);
            const done = this._rowsDone - firstRow;
            if (this._rowFill === 0 && n === this._rowBytes) {
                // A whole row in the chunk is read where it lies.
                this._decodeRow(data, at, rgba, done * width * 4);
            } else {
                this._row.set(data.subarray(at, at + n), this._rowFill);
                this._rowFill += n;
                if (this._rowFill < this._rowBytes) {
                    break;
                }
                this._decodeRow(this._row, 0, rgba, done * width * 4);
                this._rowFill = 0;
            }
            at += n;
            this._rowsDone++;
        }
        if (rows > 0) {
            this._display.putPixels(this._rect.x, this._rect.y + firstRow, width, rows, rgba);
        }
    }

    _decodeRow(src, s, dst, d) {
        const width = this._rect.width;
        switch (this._filter) {
        case COPY:
            for (let x = 0; x < width; x++) {
                tightPixelToRgba(this._format, src, s + x * this._pixelBytes, dst, d + x * 4);
            }
            break;
        case PALETTE: {
            const size = this._paletteSize;
            for (let x = 0; x < width; x++) {
                const index = size === 2 ? (src[s + (x >>> 3)] >>> (7 - (x & 7))) & 1 : src[s + x];
                if (index >= size) {
                    throw new RfbError(ErrorCode.BAD_ENCODING_DATA, `${this._owner}: palette index ${index} ` +
                        `with ${size} colours`);
                }
                dst.set(this._palette.subarray(index * 4, index * 4 + 4), d + x * 4);
            }
            break;
        }
        default:
            this._ungradient(src, s, dst, d);
        }
    }

    /** Each channel was sent as its difference from left + above - above-left, clamped to the channel. */
    _ungradient(src, s, dst, d) {
        const previous = this._previous;
        const current = this._current;
        const max = this._max;
        const shift = this._shift;
        for (let x = 0; x < this._rect.width; x++) {
            const value = this._tpixel ? 0 : pixelValue(this._format, src, s + x * this._pixelBytes);
            for (let c = 0; c < 3; c++) {
                const difference = this._tpixel ? src[s + x * 3 + c] : (value >>> shift[c]) & max[c];
                const left = x > 0 ? current[3 * (x - 1) + c] : 0;
                const aboveLeft = x > 0 ? previous[3 * (x - 1) + c] : 0;
                const prediction = Math.max(0, Math.min(max[c], left + previous[3 * x + c] - aboveLeft));
                current[3 * x + c] = (prediction + difference) & max[c];
            }
            const r = current[3 * x];
            const g = current[3 * x + 1];
            const b = current[3 * x + 2];
            const at = d + x * 4;
            if (this._tpixel) {
                dst[at] = r;
                dst[at + 1] = g;
                dst[at + 2] = b;
                dst[at + 3] = 255;
            } else {
                valueToRgba(this._format, ((r << shift[0]) | (g << shift[1]) | (b << shift[2])) >>> 0, dst, at);
            }
        }
        previous.set(current);
    }
}

/** Whether pixels of `pf` are sent as three-byte TPIXELs. */
export function isTpixel(pf) {
    return pf.trueColour && pf.bitsPerPixel === 32 && pf.depth === 24 && pf.redMax === 255 &&
        pf.greenMax === 255 && pf.blueMax === 255 && pf.redShift % 8 === 0 && pf.greenShift % 8 === 0 &&
        pf.blueShift % 8 === 0;
}

/** Bytes of one pixel as Tight sends it in `pf`. */
export function tightPixelBytes(pf) {
    return isTpixel(pf) ? 3 : pf.bitsPerPixel >> 3;
}

/** Bytes of one row of filtered data. */
export function rowBytes(width, pf, filter, paletteSize) {
    if (filter === PALETTE) {
        return paletteSize === 2 ? (width + 7) >> 3 : width;
    }
    return width * tightPixelBytes(pf);
}

/** Writes the opaque RGBA of a pixel as Tight sends it, at src[s..], to dst[d..d+3]. */
export function tightPixelToRgba(pf, src, s, dst, d) {
    if (isTpixel(pf)) {
        dst[d] = src[s];
        dst[d + 1] = src[s + 1];
        dst[d + 2] = src[s + 2];
        dst[d + 3] = 255;
    } else {
        valueToRgba(pf, pixelValue(pf, src, s), dst, d);
    }
}
