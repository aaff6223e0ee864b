// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from '../error-codes.js';
import { RfbError } from '../errors.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/*
 * The size a JPEG's frame header or a PNG's IHDR chunk gives, read without decoding (the Java
 * core's ImageHeader), so that both cores refuse an image that is not one, or that is not the
 * rectangle's size, with the same words before any decoder sees it: here before the bytes go to
 * the browser's image decoder, which would tell only later and without saying why.
 */

/**
 * Throws RfbError bad-encoding-data unless `bytes` start a `format` image ('JPEG' or 'PNG') of
 * width x height.
 * @param {string} what the rectangle named in errors, for example "Tight rectangle 8x8+0+0"
 */
export function checkImageHeader(what, format, bytes, width, height) {
    const size = format === 'PNG' ? pngSize(bytes) : jpegSize(bytes);
    if (size === null) {
        throw new RfbError(ErrorCode.BAD_ENCODING_DATA, `${what}: the data is not a ${format} image`);
    }
    if (size[0] !== width || size[1] !== height) {
        throw imageError(what, format, `is ${size[0]}x${size[1]}`);
    }
}

/**
 * The error that ends a session over an image that passed checkImageHeader and still cannot be
 * drawn, in the Java core's words: `problem` is "does not decode", maybe with the decoder's
 * reason in parentheses, or "is WxH" for an image that decodes to another size.
 */
export function imageError(what, format, problem) {
    return new RfbError(ErrorCode.BAD_ENCODING_DATA, `${what}: the ${format} image ${problem}`);
}

/** Width and height from the first start-of-frame marker, or null when the segments do not lead to one. */
export function jpegSize(b) {
    if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) {
        return null;
    }
    let at = 2;
    while (at + 4 <= b.length) {
        if (b[at] !== 0xff) {
            return null;
        }
        const marker = b[at + 1];
        if (marker === 0xff) {
            // Fill bytes may pad before a marker.
            at++;
            continue;
        }
        const length = u16(b, at + 2);
        // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
        const startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
        if (startOfFrame) {
            if (length < 7 || at + 9 > b.length) {
                return null;
            }
            return [u16(b, at + 7), u16(b, at + 5)];
        }
        // The image data (SOS) or its end (EOI) before a frame header: no size to find.
        if (marker === 0xd9 || marker === 0xda || length < 2) {
            return null;
        }
        at += 2 + length;
    }
    return null;
}

/** Width and height from the IHDR chunk that must follow the signature, or null. */
export function pngSize(b) {
    if (b.length < 24 || PNG_SIGNATURE.some((byte, i) => b[i] !== byte)) {
        return null;
    }
    if (b[12] !== 0x49 || b[13] !== 0x48 || b[14] !== 0x44 || b[15] !== 0x52) { // "IHDR"
        return null;
    }
    const width = u32(b, 16);
    const height = u32(b, 20);
    // Java's int: a larger size is no PNG either core could draw.
    if (width > 0x7fffffff || height > 0x7fffffff) {
        return null;
    }
    return [width, height];
}

function u16(b, at) {
    return (b[at] << 8) | b[at + 1];
}

function u32(b, at) {
    return u16(b, at) * 0x10000 + u16(b, at + 2);
}
