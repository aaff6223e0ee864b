// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from './error-codes.js';
import { RfbError } from './errors.js';
import { COLOUR_MAP_SIZE } from './limits.js';

/**
 * An RFB PIXEL_FORMAT (RFC 6143 section 7.4), the Java core's PixelFormat. A colour-map format
 * also carries `colourMap`: COLOUR_MAP_SIZE RGBA entries, opaque black until the server sets them.
 * @typedef {object} PixelFormat
 * @property {number} bitsPerPixel 8, 16 or 32
 * @property {number} depth
 * @property {boolean} bigEndian
 * @property {boolean} trueColour
 * @property {number} redMax
 * @property {number} greenMax
 * @property {number} blueMax
 * @property {number} redShift
 * @property {number} greenShift
 * @property {number} blueShift
 * @property {Uint8Array} [colourMap]
 */

/**
 * What the web viewer asks every server for: 32-bit little-endian true colour with red in the
 * lowest byte, so a pixel's bytes on the wire are R, G, B, unused: the order of ImageData, which
 * lets Raw pixels go to the canvas with only the alpha byte set.
 * @type {Readonly<PixelFormat>}
 */
export const RGBX32 = Object.freeze({
    bitsPerPixel: 32, depth: 24, bigEndian: false, trueColour: true,
    redMax: 255, greenMax: 255, blueMax: 255, redShift: 0, greenShift: 8, blueShift: 16,
});

/** 32-bit little-endian XRGB: what the Java core asks for by default. */
export const RGB888 = Object.freeze({
    bitsPerPixel: 32, depth: 24, bigEndian: false, trueColour: true,
    redMax: 255, greenMax: 255, blueMax: 255, redShift: 16, greenShift: 8, blueShift: 0,
});

/** Size of a PIXEL_FORMAT on the wire. */
export const PIXEL_FORMAT_LENGTH = 16;

/** Reads a PIXEL_FORMAT; the caller has checked that 16 bytes are queued. Validates nothing. */
export function readPixelFormat(input) {
    const pf = {
        bitsPerPixel: input.readU8(),
        depth: input.readU8(),
        bigEndian: input.readU8() !== 0,
        trueColour: input.readU8() !== 0,
        redMax: input.readU16(),
        greenMax: input.readU16(),
        blueMax: input.readU16(),
        redShift: input.readU8(),
        greenShift: input.readU8(),
        blueShift: input.readU8(),
    };
    input.skip(3); // padding
    return pf;
}

/** Writes a PIXEL_FORMAT to an RfbOutput. */
export function writePixelFormat(pf, out) {
    out.writeU8(pf.bitsPerPixel) // bits-per-pixel
        .writeU8(pf.depth) // depth
        .writeU8(pf.bigEndian ? 1 : 0) // big-endian-flag
        .writeU8(pf.trueColour ? 1 : 0) // true-colour-flag
        .writeU16(pf.redMax) // red-max
        .writeU16(pf.greenMax) // green-max
        .writeU16(pf.blueMax) // blue-max
        .writeU8(pf.redShift) // red-shift
        .writeU8(pf.greenShift) // green-shift
        .writeU8(pf.blueShift) // blue-shift
        .pad(3); // padding
}

/**
 * Throws RfbError bad-pixel-format unless pixels in this format can be decoded: 8, 16 or 32 bits
 * per pixel; depth between 1 and the bits per pixel; for true colour, every max of the form 2^n-1
 * (n at least 1) and every channel inside the pixel; colour maps only with 8 bits per pixel.
 */
export function validatePixelFormat(pf) {
    const invalid = (problem) => new RfbError(ErrorCode.BAD_PIXEL_FORMAT,
        `invalid pixel format (${describePixelFormat(pf)}): ${problem}`);
    if (![8, 16, 32].includes(pf.bitsPerPixel)) {
        throw invalid(`bits-per-pixel ${pf.bitsPerPixel} is not 8, 16 or 32`);
    }
    if (pf.depth === 0 || pf.depth > pf.bitsPerPixel) {
        throw invalid(`depth ${pf.depth} does not fit ${pf.bitsPerPixel} bits per pixel`);
    }
    if (!pf.trueColour) {
        // TigerVNC's rule too: no server sends colour maps of more than 256 entries.
        if (pf.bitsPerPixel !== 8) {
            throw invalid('a colour map needs 8-bit pixels');
        }
        return;
    }
    for (const [name, max, shift] of [['red', pf.redMax, pf.redShift], ['green', pf.greenMax, pf.greenShift],
        ['blue', pf.blueMax, pf.blueShift]]) {
        if (max === 0 || (max & (max + 1)) !== 0) {
            throw invalid(`${name}-max ${max} is not of the form 2^n-1`);
        }
        const bits = Math.log2(max + 1);
        if (shift + bits > pf.bitsPerPixel) {
            throw invalid(`${name} channel (${bits} bits at shift ${shift}) does not fit ${pf.bitsPerPixel} bits per pixel`);
        }
    }
}

/** For example "32bpp depth 24 little-endian true colour r255<<16 g255<<8 b255<<0", as in Java. */
export function describePixelFormat(pf) {
    const head = `${pf.bitsPerPixel}bpp depth ${pf.depth} ${pf.bigEndian ? 'big' : 'little'}-endian `;
    if (!pf.trueColour) {
        return `${head}colour map`;
    }
    return `${head}true colour r${pf.redMax}<<${pf.redShift} g${pf.greenMax}<<${pf.greenShift} ` +
        `b${pf.blueMax}<<${pf.blueShift}`;
}

/** A colour-map format ready to decode with: its map all opaque black. */
export function withEmptyColourMap(pf) {
    if (pf.trueColour || pf.colourMap) {
        return pf;
    }
    const colourMap = new Uint8Array(COLOUR_MAP_SIZE * 4);
    for (let i = 3; i < colourMap.length; i += 4) {
        colourMap[i] = 255;
    }
    return { ...pf, colourMap };
}

/**
 * A copy of a colour-map format with entries first.. replaced by `rgb` (3 bytes each); a true
 * colour format is returned as it is (servers may send entries it does not use).
 */
export function withColourMapEntries(pf, first, rgb) {
    if (pf.trueColour) {
        return pf;
    }
    const colourMap = Uint8Array.from(withEmptyColourMap(pf).colourMap);
    for (let i = 0; i < rgb.length / 3; i++) {
        colourMap.set(rgb.subarray(i * 3, i * 3 + 3), (first + i) * 4);
    }
    return { ...pf, colourMap };
}

/** True for the format whose wire bytes already are R, G, B, x. */
export function isRgbx32(pf) {
    return pf.bitsPerPixel === 32 && pf.trueColour &&
        pf.redMax === 255 && pf.greenMax === 255 && pf.blueMax === 255 &&
        (pf.bigEndian
            ? pf.redShift === 24 && pf.greenShift === 16 && pf.blueShift === 8
            : pf.redShift === 0 && pf.greenShift === 8 && pf.blueShift === 16);
}

/** The raw value of the pixel at src[s]. */
export function pixelValue(pf, src, s) {
    switch (pf.bitsPerPixel) {
    case 8: return src[s];
    case 16: return pf.bigEndian ? (src[s] << 8) | src[s + 1] : src[s] | (src[s + 1] << 8);
    default: return pf.bigEndian
        ? ((src[s] << 24) | (src[s + 1] << 16) | (src[s + 2] << 8) | src[s + 3]) >>> 0
        : (src[s] | (src[s + 1] << 8) | (src[s + 2] << 16) | (src[s + 3] << 24)) >>> 0;
    }
}

/**
 * Reads one pixel from `input`, which the caller has checked holds bitsPerPixel / 8 bytes, as
 * opaque [r, g, b, a] (what fillRect takes).
 */
export function readRgba(pf, input) {
    let value;
    switch (pf.bitsPerPixel) {
    case 8:
        value = input.readU8();
        break;
    case 16: {
        const wire = input.readU16();
        value = pf.bigEndian ? wire : ((wire & 0xff) << 8) | (wire >>> 8);
        break;
    }
    default: {
        const wire = input.readU32();
        value = pf.bigEndian ? wire
            : (((wire & 0xff) << 24) | ((wire & 0xff00) << 8) | ((wire >>> 8) & 0xff00) | (wire >>> 24)) >>> 0;
    }
    }
    const rgba = new Uint8ClampedArray(4);
    valueToRgba(pf, value, rgba, 0);
    return rgba;
}

/** Writes the opaque RGBA of raw pixel value `value` in format `pf` to dst[d..d+3]. */
export function valueToRgba(pf, value, dst, d) {
    if (!pf.trueColour) {
        const entry = (value & 0xff) * 4;
        dst[d] = pf.colourMap[entry];
        dst[d + 1] = pf.colourMap[entry + 1];
        dst[d + 2] = pf.colourMap[entry + 2];
    } else {
        dst[d] = Math.round(((value >>> pf.redShift) & pf.redMax) * 255 / pf.redMax);
        dst[d + 1] = Math.round(((value >>> pf.greenShift) & pf.greenMax) * 255 / pf.greenMax);
        dst[d + 2] = Math.round(((value >>> pf.blueShift) & pf.blueMax) * 255 / pf.blueMax);
    }
    dst[d + 3] = 255;
}

/**
 * Converts `count` pixels in format `pf` starting at src[srcOffset] into opaque RGBA at
 * dst[dstOffset]. `src` and `dst` may be the same array at the same offset for RGBX32. The format
 * must have passed validatePixelFormat; a colour-map one must carry its map.
 */
export function toRgba(pf, src, srcOffset, dst, dstOffset, count) {
    if (isRgbx32(pf)) {
        if (src !== dst || srcOffset !== dstOffset) {
            dst.set(src.subarray(srcOffset, srcOffset + count * 4), dstOffset);
        }
        for (let i = dstOffset + 3, end = dstOffset + count * 4; i < end; i += 4) {
            dst[i] = 255;
        }
        return;
    }
    const bytes = pf.bitsPerPixel >> 3;
    for (let i = 0, s = srcOffset, d = dstOffset; i < count; i++, s += bytes, d += 4) {
        valueToRgba(pf, pixelValue(pf, src, s), dst, d);
    }
}
