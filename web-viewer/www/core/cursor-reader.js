// SPDX-License-Identifier: Apache-2.0

import { Encoding, describeEncoding } from './encodings.js';
import { ErrorCode } from './error-codes.js';
import { RfbError } from './errors.js';
import { MAX_CURSOR_SIDE } from './limits.js';
import { toRgba } from './pixel-format.js';

/*
 * The three ways a server sends the pointer's shape (the Java core's CursorReader), each as a
 * pseudo-rectangle whose position is the hotspot and whose size is the cursor's: Cursor (RFC 6143
 * section 7.8.1: pixels in the session's format and a bitmask), XCursor (two colours, a bitmap
 * choosing between them and a bitmask) and CursorWithAlpha (an encoding, then 32-bit pixels with
 * premultiplied alpha in it; servers send Raw, the only one taken here). The size and hotspot are
 * checked before anything is awaited, so a body is at most 256 KiB.
 */

/**
 * Reads one cursor rectangle whose 12-byte header has been read.
 *
 * The shape's `rgba` is width * height * 4 bytes, row by row, with straight (not premultiplied)
 * alpha: 0 or 255 for Cursor and XCursor (the bitmask; a masked-out pixel keeps its colour),
 * anything in 0..255 for CursorWithAlpha. A 0x0 shape hides the pointer and has hotspot 0,0.
 *
 * @param {number} encoding Encoding.CURSOR, Encoding.X_CURSOR or Encoding.CURSOR_WITH_ALPHA
 * @param {{x: number, y: number, width: number, height: number}} rect the rectangle's header
 * @param {import('./rfb-input.js').RfbInput} input
 * @param {object} pf the session's pixel format (Cursor's pixels are in it)
 * @returns {{rgba: Uint8ClampedArray, width: number, height: number, hotX: number, hotY: number}|null}
 *   the shape, or null while the body is not all in (then nothing is consumed)
 * @throws {RfbError} bad-cursor for a size or hotspot no real cursor has, or a CursorWithAlpha not in Raw
 */
export function readCursor(encoding, rect, input, pf) {
    const { x, y, width, height } = rect;
    if (width > MAX_CURSOR_SIDE || height > MAX_CURSOR_SIDE) {
        throw new RfbError(ErrorCode.BAD_CURSOR,
            `cursor ${width}x${height} is larger than ${MAX_CURSOR_SIDE}x${MAX_CURSOR_SIDE}`);
    }
    const empty = width === 0 || height === 0;
    if (!empty && (x >= width || y >= height)) {
        throw new RfbError(ErrorCode.BAD_CURSOR, `cursor hotspot ${x},${y} lies outside the ${width}x${height} cursor`);
    }
    let rgba;
    switch (encoding) {
    case Encoding.CURSOR: rgba = richCursor(width, height, input, pf); break;
    case Encoding.X_CURSOR: rgba = xCursor(width, height, input); break;
    case Encoding.CURSOR_WITH_ALPHA: rgba = alphaCursor(width, height, input); break;
    default: throw new RangeError(`${describeEncoding(encoding)} is no cursor`);
    }
    if (rgba === null) {
        return null;
    }
    // An empty cursor hides the pointer; its hotspot means nothing.
    return { rgba, width, height, hotX: empty ? 0 : x, hotY: empty ? 0 : y };
}

function richCursor(width, height, input, pf) {
    const pixelBytes = width * height * (pf.bitsPerPixel >> 3);
    const maskBytes = ((width + 7) >> 3) * height;
    if (!input.has(pixelBytes + maskBytes)) {
        return null;
    }
    const pixels = input.readBytes(pixelBytes);
    const mask = input.readBytes(maskBytes);
    const rgba = new Uint8ClampedArray(width * height * 4);
    toRgba(pf, pixels, 0, rgba, 0, width * height);
    applyMask(rgba, width, height, mask);
    return rgba;
}

/** XCursor: foreground and background RGB, then a bitmap (1: foreground) and a mask, rows padded to bytes. */
function xCursor(width, height, input) {
    const rgba = new Uint8ClampedArray(width * height * 4);
    if (rgba.length === 0) {
        // Servers send no colours for an empty XCursor.
        return rgba;
    }
    const rowBytes = (width + 7) >> 3;
    if (!input.has(6 + 2 * rowBytes * height)) {
        return null;
    }
    const foreground = input.readBytes(3);
    const background = input.readBytes(3);
    const bitmap = input.readBytes(rowBytes * height);
    const mask = input.readBytes(rowBytes * height);
    for (let row = 0; row < height; row++) {
        for (let column = 0; column < width; column++) {
            rgba.set(bit(bitmap, rowBytes, column, row) ? foreground : background, (row * width + column) * 4);
        }
    }
    applyMask(rgba, width, height, mask);
    return rgba;
}

/** CursorWithAlpha: an encoding (Raw), then pixels of four bytes, blue, green, red, alpha, premultiplied. */
function alphaCursor(width, height, input) {
    if (!input.has(4)) {
        return null;
    }
    const encoding = input.peekU32(0) | 0;
    if (encoding !== Encoding.RAW) {
        throw new RfbError(ErrorCode.BAD_CURSOR, `a CursorWithAlpha in ${describeEncoding(encoding)}; ` +
            'servers send it in Raw, the only encoding taken for it');
    }
    const bytes = width * height * 4;
    if (!input.has(4 + bytes)) {
        return null;
    }
    input.skip(4);
    const pixels = input.readBytes(bytes);
    const rgba = new Uint8ClampedArray(bytes);
    for (let i = 0; i < bytes; i += 4) {
        const alpha = pixels[i + 3];
        rgba[i] = unpremultiply(pixels[i + 2], alpha);
        rgba[i + 1] = unpremultiply(pixels[i + 1], alpha);
        rgba[i + 2] = unpremultiply(pixels[i], alpha);
        rgba[i + 3] = alpha;
    }
    return rgba;
}

// Displays take straight alpha (ImageData is), so the server's premultiplied channels are divided
// back out, rounding to nearest; a channel above its alpha (a broken server) is capped at 255.
function unpremultiply(channel, alpha) {
    return alpha === 0 ? 0 : Math.min(255, Math.floor((channel * 255 + (alpha >> 1)) / alpha));
}

function bit(bits, rowBytes, x, y) {
    return (bits[y * rowBytes + (x >> 3)] & (0x80 >> (x & 7))) !== 0;
}

function applyMask(rgba, width, height, mask) {
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
            rgba[(y * width + x) * 4 + 3] = bit(mask, rowBytes, x, y) ? 255 : 0;
        }
    }
}
