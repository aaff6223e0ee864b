// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from '../error-codes.js';
import { RfbError } from '../errors.js';
import { describeRect } from '../rect.js';
import { checkImageHeader, imageError } from './image-header.js';
import { COPY, GRADIENT, PALETTE, TightFilter, tightPixelBytes, tightPixelToRgba } from './tight-filter.js';
import { ZlibStream } from './zlib-stream.js';

/** Basic data shorter than this is sent without compression. */
const MIN_TO_COMPRESS = 12;
const FILL = 8;
const JPEG = 9;
const PNG = 10;

const Stage = Object.freeze({
    CONTROL: 'CONTROL',
    FILTER: 'FILTER',
    PALETTE: 'PALETTE',
    LENGTH: 'LENGTH',
    DATA: 'DATA',
    IMAGE: 'IMAGE',
});

/**
 * Tight (encoding 7, from TightVNC) and TightPNG (-260, which QEMU sends to browsers), the Java
 * core's TightDecoder: a compression-control byte whose low four bits reset any of four zlib
 * streams that last the connection, and whose high four bits choose one colour (fill), a JPEG or
 * PNG image, or "basic" compression: the rectangle's rows through a copy, palette or gradient
 * filter, zlib-compressed in one of the four streams unless they are under 12 bytes.
 *
 * Basic rows are painted as they inflate (TightFilter); inflated bytes beyond the rows are an
 * error. An image is collected whole (its compact length caps it at 4 MiB) and its header's size
 * checked against the rectangle (image-header.js); then the display decodes and draws it, in order
 * with everything else (the browser's decoder runs off the page's thread, so a canvas draws it
 * later; see drawImage in MemoryDisplay). TightPNG adds PNG; plain Tight refuses it.
 * Contract: see RawDecoder.
 */
export class TightDecoder {
    /** Tight proper: fill, JPEG and basic compression. */
    static tight() {
        return new TightDecoder(false, 'Tight');
    }

    /** TightPNG: Tight with PNG images as well. */
    static tightPng() {
        return new TightDecoder(true, 'TightPNG');
    }

    /** Use tight() or tightPng(). */
    constructor(pngAllowed, name) {
        this._pngAllowed = pngAllowed;
        this._name = name;
        this._streams = [0, 1, 2, 3].map((i) => new ZlibStream(`${name} stream ${i}`));
        this._stage = Stage.CONTROL;
        this._control = 0;
        this._filterId = COPY;
        this._palette = null;
        /** @type {TightFilter|null} */
        this._rows = null;
        this._compressed = false;
        this._compressedLeft = 0;
        this._image = null;
        this._imageFill = 0;
        this._acceptRows = (bytes) => this._rows.accept(bytes);
    }

    decodeRect(rect, input, pixelFormat, display) {
        for (;;) {
            switch (this._stage) {
            case Stage.CONTROL: {
                if (!input.has(1)) {
                    return false;
                }
                this._control = input.readU8(); // compression-control
                this._streams.forEach((stream, i) => {
                    if ((this._control & (1 << i)) !== 0) {
                        stream.reset();
                    }
                });
                const type = this._control >>> 4;
                if (type === FILL) {
                    this._stage = Stage.DATA;
                } else if (type === JPEG || (type === PNG && this._pngAllowed)) {
                    this._stage = Stage.LENGTH;
                } else if (type < FILL) {
                    this._filterId = COPY;
                    this._stage = (type & 4) !== 0 ? Stage.FILTER : this._startRows(rect, pixelFormat, display);
                } else {
                    throw this._error(rect, `unknown compression type ${type} (control byte ` +
                        `0x${this._control.toString(16)})`);
                }
                break;
            }
            case Stage.FILTER:
                if (!input.has(1)) {
                    return false;
                }
                this._filterId = input.readU8(); // filter-id
                if (this._filterId === PALETTE) {
                    this._stage = Stage.PALETTE;
                } else if (this._filterId === COPY || this._filterId === GRADIENT) {
                    this._stage = this._startRows(rect, pixelFormat, display);
                } else {
                    throw this._error(rect, `unknown filter ${this._filterId}`);
                }
                break;
            case Stage.PALETTE: {
                if (!input.has(1)) {
                    return false;
                }
                const size = input.peekU8(0) + 1; // number-of-colours - 1
                const pixelBytes = tightPixelBytes(pixelFormat);
                if (!input.has(1 + size * pixelBytes)) {
                    return false;
                }
                input.skip(1);
                const colours = input.readBytes(size * pixelBytes); // palette
                this._palette = new Uint8ClampedArray(size * 4);
                for (let i = 0; i < size; i++) {
                    tightPixelToRgba(pixelFormat, colours, i * pixelBytes, this._palette, i * 4);
                }
                this._stage = this._startRows(rect, pixelFormat, display);
                break;
            }
            case Stage.LENGTH: {
                const length = readCompactLength(input); // compact length
                if (length < 0) {
                    return false;
                }
                if (this._rows !== null) {
                    const left = this._rows.bytesLeft();
                    const cap = left + Math.floor(left / 1000) + 1024;
                    if (length > cap) {
                        throw this._error(rect, `claims ${length} compressed bytes; its ${left} bytes of rows can ` +
                            `take at most ${cap}`);
                    }
                    this._compressedLeft = length;
                    this._stage = Stage.DATA;
                } else {
                    this._image = new Uint8Array(length);
                    this._imageFill = 0;
                    this._stage = Stage.IMAGE;
                }
                break;
            }
            case Stage.DATA:
                return this._data(rect, input, pixelFormat, display);
            case Stage.IMAGE: {
                const n = Math.min(this._image.length - this._imageFill, input.length);
                input.readInto(this._image, this._imageFill, n); // jpeg or png data
                this._imageFill += n;
                if (this._imageFill < this._image.length) {
                    return false;
                }
                const bytes = this._image;
                this._image = null;
                this._stage = Stage.CONTROL;
                const format = (this._control >>> 4) === JPEG ? 'JPEG' : 'PNG';
                const what = `${this._name} rectangle ${describeRect(rect)}`;
                checkImageHeader(what, format, bytes, rect.width, rect.height);
                display.drawImage(rect.x, rect.y, rect.width, rect.height, bytes, `image/${format.toLowerCase()}`,
                    (problem) => imageError(what, format, problem));
                return true;
            }
            default:
                throw new Error(`Tight decoder in stage ${this._stage}`);
            }
        }
    }

    /** Sets up the rows of a basic rectangle; the next stage reads its length, or its bytes when short. */
    _startRows(rect, pf, display) {
        this._rows = new TightFilter(`${this._name} rectangle ${describeRect(rect)}`, rect, pf, display,
            this._filterId, this._filterId === PALETTE ? this._palette : null);
        this._compressed = this._rows.bytesLeft() >= MIN_TO_COMPRESS;
        this._compressedLeft = this._compressed ? 0 : this._rows.bytesLeft();
        return this._compressed ? Stage.LENGTH : Stage.DATA;
    }

    _data(rect, input, pf, display) {
        if (this._rows === null) {
            const pixelBytes = tightPixelBytes(pf);
            if (!input.has(pixelBytes)) {
                return false;
            }
            const colour = new Uint8ClampedArray(4);
            tightPixelToRgba(pf, input.readBytes(pixelBytes), 0, colour, 0); // fill colour
            display.fillRect(rect.x, rect.y, rect.width, rect.height, colour);
            this._stage = Stage.CONTROL;
            return true;
        }
        const stream = this._streams[(this._control >>> 4) & 3];
        if (this._compressed) {
            this._compressedLeft = stream.inflateFrom(input, this._compressedLeft, this._acceptRows);
        } else {
            const count = Math.min(this._compressedLeft, input.length);
            input.consume(count, this._acceptRows); // data
            this._compressedLeft -= count;
        }
        if (this._compressedLeft > 0) {
            return false;
        }
        const done = this._rows;
        this._rows = null;
        this._palette = null;
        this._stage = Stage.CONTROL;
        if (!done.isComplete()) {
            const total = done.totalBytes();
            throw this._error(rect, `the data inflates to ${total - done.bytesLeft()} of the ${total} bytes its ` +
                'rows take');
        }
        return true;
    }

    _error(rect, what) {
        this._stage = Stage.CONTROL;
        this._rows = null;
        return new RfbError(ErrorCode.BAD_ENCODING_DATA, `${this._name} rectangle ${describeRect(rect)}: ${what}`);
    }
}

/** Tight's compact length: seven bits a byte, low first, in one to three bytes; -1 until all are in. */
function readCompactLength(input) {
    if (!input.has(1)) {
        return -1;
    }
    const b0 = input.peekU8(0);
    if ((b0 & 0x80) === 0) {
        input.skip(1);
        return b0;
    }
    if (!input.has(2)) {
        return -1;
    }
    const b1 = input.peekU8(1);
    if ((b1 & 0x80) === 0) {
        input.skip(2);
        return (b0 & 0x7f) | (b1 << 7);
    }
    if (!input.has(3)) {
        return -1;
    }
    const b2 = input.peekU8(2);
    input.skip(3);
    return (b0 & 0x7f) | ((b1 & 0x7f) << 7) | (b2 << 14);
}
