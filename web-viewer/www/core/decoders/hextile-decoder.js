// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from '../error-codes.js';
import { RfbError } from '../errors.js';
import { readRgba, toRgba, valueToRgba } from '../pixel-format.js';
import { describeRect } from '../rect.js';

const TILE = 16;
const RAW = 1;
const BACKGROUND_SPECIFIED = 2;
const FOREGROUND_SPECIFIED = 4;
const ANY_SUBRECTS = 8;
const SUBRECTS_COLOURED = 16;
const KNOWN_BITS = RAW | BACKGROUND_SPECIFIED | FOREGROUND_SPECIFIED | ANY_SUBRECTS | SUBRECTS_COLOURED;

/**
 * Hextile (RFC 6143 section 7.7.4), the Java core's HextileDecoder: the rectangle in 16x16 tiles,
 * left to right and top to bottom, each either raw pixels or a background with subrectangles in
 * one foreground colour or each in its own. A background or foreground a tile does not give is
 * the previous tile's.
 *
 * A tile is decoded only once all its bytes are in: its first bytes say how long it is, so the
 * decoder looks ahead without consuming and waits otherwise. Subencoding bits beyond the five the
 * RFC defines, and subrectangles outside their tile, are errors. Contract: see RawDecoder.
 */
export class HextileDecoder {
    constructor() {
        this._started = false;
        this._tileX = 0;
        this._tileY = 0;
        this._background = null;
        this._foreground = null;
    }

    decodeRect(rect, input, pixelFormat, display) {
        if (rect.width === 0 || rect.height === 0) {
            return true;
        }
        if (!this._started) {
            this._started = true;
            this._tileX = 0;
            this._tileY = 0;
            // What a first tile without a background gets: pixel value 0, as in Java.
            this._background = new Uint8ClampedArray(4);
            valueToRgba(pixelFormat, 0, this._background, 0);
            this._foreground = this._background;
        }
        const bytesPerPixel = pixelFormat.bitsPerPixel >> 3;
        while (this._tileY < rect.height) {
            const tw = Math.min(TILE, rect.width - this._tileX);
            const th = Math.min(TILE, rect.height - this._tileY);
            if (!input.has(1)) {
                return false;
            }
            const subencoding = input.peekU8(0); // subencoding-mask
            const length = this._tileLength(rect, subencoding, tw, th, bytesPerPixel, input);
            if (length < 0 || !input.has(length)) {
                return false;
            }
            input.skip(1);
            const x = rect.x + this._tileX;
            const y = rect.y + this._tileY;
            if ((subencoding & RAW) !== 0) {
                display.putPixels(x, y, tw, th, readPixels(pixelFormat, input, tw * th));
            } else {
                this._decodeSubrects(rect, subencoding, x, y, tw, th, input, pixelFormat, display);
            }
            this._tileX += TILE;
            if (this._tileX >= rect.width) {
                this._tileX = 0;
                this._tileY += TILE;
            }
        }
        this._started = false;
        return true;
    }

    /** The tile's length in bytes, or -1 when too few of them are in to tell. */
    _tileLength(rect, subencoding, tw, th, bytesPerPixel, input) {
        if (subencoding > KNOWN_BITS) {
            throw this._tileError(rect, `unknown subencoding bits in ${subencoding}`);
        }
        if ((subencoding & RAW) !== 0) {
            return 1 + tw * th * bytesPerPixel;
        }
        let length = 1;
        if ((subencoding & BACKGROUND_SPECIFIED) !== 0) {
            length += bytesPerPixel;
        }
        if ((subencoding & FOREGROUND_SPECIFIED) !== 0) {
            length += bytesPerPixel;
        }
        if ((subencoding & ANY_SUBRECTS) !== 0) {
            if (!input.has(length + 1)) {
                return -1;
            }
            const count = input.peekU8(length);
            const each = (subencoding & SUBRECTS_COLOURED) !== 0 ? bytesPerPixel + 2 : 2;
            length += 1 + count * each;
        }
        return length;
    }

    _decodeSubrects(rect, subencoding, x, y, tw, th, input, pf, display) {
        if ((subencoding & BACKGROUND_SPECIFIED) !== 0) {
            this._background = readRgba(pf, input); // background-pixel-value
        }
        if ((subencoding & FOREGROUND_SPECIFIED) !== 0) {
            this._foreground = readRgba(pf, input); // foreground-pixel-value
        }
        display.fillRect(x, y, tw, th, this._background);
        if ((subencoding & ANY_SUBRECTS) === 0) {
            return;
        }
        const coloured = (subencoding & SUBRECTS_COLOURED) !== 0;
        const count = input.readU8(); // number-of-subrectangles
        for (let i = 0; i < count; i++) {
            const colour = coloured ? readRgba(pf, input) : this._foreground; // subrect-pixel-value
            const position = input.readU8(); // x-and-y-position
            const size = input.readU8(); // width-and-height
            const sub = { x: position >>> 4, y: position & 0xf, width: (size >>> 4) + 1, height: (size & 0xf) + 1 };
            if (sub.x + sub.width > tw || sub.y + sub.height > th) {
                throw this._tileError(rect, `subrectangle ${describeRect(sub)} lies outside the ${tw}x${th} tile`);
            }
            display.fillRect(x + sub.x, y + sub.y, sub.width, sub.height, colour);
        }
    }

    _tileError(rect, what) {
        this._started = false;
        return new RfbError(ErrorCode.BAD_ENCODING_DATA, `Hextile rectangle ${describeRect(rect)}, tile at ` +
            `${rect.x + this._tileX},${rect.y + this._tileY}: ${what}`);
    }
}

/** Reads `count` pixels into a new opaque RGBA array (the display may keep it). */
function readPixels(pf, input, count) {
    const rgba = new Uint8ClampedArray(count * 4);
    const bytesPerPixel = pf.bitsPerPixel >> 3;
    if (bytesPerPixel === 4) {
        // Converted in place: each pixel's four bytes are read before its RGBA is written over them.
        input.readInto(rgba, 0, count * 4);
        toRgba(pf, rgba, 0, rgba, 0, count);
    } else {
        toRgba(pf, input.readBytes(count * bytesPerPixel), 0, rgba, 0, count);
    }
    return rgba;
}
