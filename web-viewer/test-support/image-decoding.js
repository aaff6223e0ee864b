// SPDX-License-Identifier: Apache-2.0

import decodeJpeg from './vendor/jpeg-js/lib/decoder.js';
import readPng from './vendor/pngjs/lib/parser-sync.js';

/*
 * The image decoder the Node test runners give MemoryDisplay (the `decodeImage` option), as Node
 * has none of its own: JPEG and PNG decoded at once with vendored libraries (vendor/, for tests
 * only; a browser decodes images itself, see CanvasDisplay).
 */

/**
 * Decodes a JPEG or PNG into RGBA, 8 bits a channel; throws when it cannot.
 * @returns {{width: number, height: number, data: Uint8Array}}
 */
export function decodeImage(bytes, mimeType) {
    switch (mimeType) {
    case 'image/jpeg': {
        // Small caps: the header was checked against a rectangle, but a hostile file may hold more frames.
        const image = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 16,
            maxMemoryUsageInMB: 256 });
        return { width: image.width, height: image.height, data: image.data };
    }
    case 'image/png': {
        const image = readPng(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), {});
        return { width: image.width, height: image.height, data: image.data };
    }
    default:
        throw new Error(`no decoder for ${mimeType}`);
    }
}
