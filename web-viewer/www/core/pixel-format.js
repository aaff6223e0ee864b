// SPDX-License-Identifier: Apache-2.0

import { RfbProtocolError } from './errors.js';

/**
 * An RFB PIXEL_FORMAT (RFC 6143 section 7.4).
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
 */

/**
 * The format this client asks every server for: 32-bit little-endian true colour with red in the
 * lowest byte, so a pixel's bytes on the wire are R, G, B, unused: the order of ImageData, which
 * lets Raw pixels go to the canvas with only the alpha byte set.
 * @type {Readonly<PixelFormat>}
 */
export const RGBX32 = Object.freeze({
    bitsPerPixel: 32,
    depth: 24,
    bigEndian: false,
    trueColour: true,
    redMax: 255,
    greenMax: 255,
    blueMax: 255,
    redShift: 0,
    greenShift: 8,
    blueShift: 16,
});

/** Size of a PIXEL_FORMAT on the wire. */
export const PIXEL_FORMAT_LENGTH = 16;

/** Reads a PIXEL_FORMAT; the caller has checked that 16 bytes are queued. */
export function readPixelFormat(queue) {
    const pf = {
        bitsPerPixel: queue.readU8(),
        depth: queue.readU8(),
        bigEndian: queue.readU8() !== 0,
        trueColour: queue.readU8() !== 0,
        redMax: queue.readU16(),
        greenMax: queue.readU16(),
        blueMax: queue.readU16(),
        redShift: queue.readU8(),
        greenShift: queue.readU8(),
        blueShift: queue.readU8(),
    };
    queue.skip(3); // padding
    return pf;
}

/** Writes a PIXEL_FORMAT into 16 bytes of `target` at `offset`. */
export function writePixelFormat(pf, target, offset) {
    target[offset] = pf.bitsPerPixel;
    target[offset + 1] = pf.depth;
    target[offset + 2] = pf.bigEndian ? 1 : 0;
    target[offset + 3] = pf.trueColour ? 1 : 0;
    target[offset + 4] = pf.redMax >> 8;
    target[offset + 5] = pf.redMax & 0xff;
    target[offset + 6] = pf.greenMax >> 8;
    target[offset + 7] = pf.greenMax & 0xff;
    target[offset + 8] = pf.blueMax >> 8;
    target[offset + 9] = pf.blueMax & 0xff;
    target[offset + 10] = pf.redShift;
    target[offset + 11] = pf.greenShift;
    target[offset + 12] = pf.blueShift;
    target[offset + 13] = 0; // padding
    target[offset + 14] = 0;
    target[offset + 15] = 0;
}

/**
 * Throws RfbProtocolError unless pixels in this format can be decoded here: true colour, 8, 16 or
 * 32 bits per pixel, every channel's max one less than a power of two and inside the pixel.
 */
export function checkDecodable(pf) {
    if (![8, 16, 32].includes(pf.bitsPerPixel)) {
        throw new RfbProtocolError(`unsupported pixel format: ${pf.bitsPerPixel} bits per pixel`);
    }
    if (!pf.trueColour) {
        throw new RfbProtocolError('unsupported pixel format: colour map');
    }
    for (const [max, shift, name] of [[pf.redMax, pf.redShift, 'red'],
        [pf.greenMax, pf.greenShift, 'green'], [pf.blueMax, pf.blueShift, 'blue']]) {
        const bits = Math.ceil(Math.log2(max + 1));
        if (max === 0 || (max & (max + 1)) !== 0 || shift + bits > pf.bitsPerPixel) {
            throw new RfbProtocolError(
                `invalid pixel format: ${name} max ${max} shift ${shift} in ${pf.bitsPerPixel} bits`);
        }
    }
}

/** True for the format whose wire bytes already are R, G, B, x. */
export function isRgbx32(pf) {
    return pf.bitsPerPixel === 32 && pf.trueColour &&
        pf.redMax === 255 && pf.greenMax === 255 && pf.blueMax === 255 &&
        (pf.bigEndian
            ? pf.redShift === 24 && pf.greenShift === 16 && pf.blueShift === 8
            : pf.redShift === 0 && pf.greenShift === 8 && pf.blueShift === 16);
}

/**
 * Converts `count` pixels in format `pf` starting at src[srcOffset] into opaque RGBA at
 * dst[dstOffset]. `src` and `dst` may be the same array at the same offset for RGBX32.
 * The format must have passed checkDecodable.
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
    const scaleR = 255 / pf.redMax;
    const scaleG = 255 / pf.greenMax;
    const scaleB = 255 / pf.blueMax;
    let s = srcOffset;
    let d = dstOffset;
    for (let i = 0; i < count; i++, s += bytes, d += 4) {
        let value;
        if (bytes === 1) {
            value = src[s];
        } else if (bytes === 2) {
            value = pf.bigEndian ? (src[s] << 8) | src[s + 1] : src[s] | (src[s + 1] << 8);
        } else {
            value = pf.bigEndian
                ? ((src[s] << 24) | (src[s + 1] << 16) | (src[s + 2] << 8) | src[s + 3]) >>> 0
                : (src[s] | (src[s + 1] << 8) | (src[s + 2] << 16) | (src[s + 3] << 24)) >>> 0;
        }
        dst[d] = Math.round(((value >>> pf.redShift) & pf.redMax) * scaleR);
        dst[d + 1] = Math.round(((value >>> pf.greenShift) & pf.greenMax) * scaleG);
        dst[d + 2] = Math.round(((value >>> pf.blueShift) & pf.blueMax) * scaleB);
        dst[d + 3] = 255;
    }
}

/** A one-line description for logs. */
export function describePixelFormat(pf) {
    if (!pf.trueColour) {
        return `${pf.bitsPerPixel} bpp depth ${pf.depth} colour map`;
    }
    return `${pf.bitsPerPixel} bpp depth ${pf.depth} ${pf.bigEndian ? 'big' : 'little'}-endian ` +
        `true colour, max ${pf.redMax}/${pf.greenMax}/${pf.blueMax} ` +
        `shift ${pf.redShift}/${pf.greenShift}/${pf.blueShift}`;
}
