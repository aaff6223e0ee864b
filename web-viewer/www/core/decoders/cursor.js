// SPDX-License-Identifier: Apache-2.0

import { RfbProtocolError } from '../errors.js';
import { toRgba } from '../pixel-format.js';
import { MAX_CURSOR_SIDE } from './limits.js';

/**
 * Cursor pseudo-encoding (RFC 6143 section 7.8.1): the pointer's new shape. x and y are the hot
 * spot; width x height pixels follow, then a bitmask, one bit per pixel, rows padded to whole
 * bytes, most significant bit first, set where the pixel is visible. A 0x0 cursor hides the
 * pointer. The size is checked before anything is read, so at most 256x256 is ever buffered.
 * The result goes to `display.setCursor(rgba, width, height, hotX, hotY)`.
 * Contract: see RawDecoder.
 */
export class CursorDecoder {
    decodeRect(rect, queue, pixelFormat, display) {
        const { width, height } = rect;
        if (width > MAX_CURSOR_SIDE || height > MAX_CURSOR_SIDE) {
            throw new RfbProtocolError(`cursor ${width}x${height} is larger than ${MAX_CURSOR_SIDE}x${MAX_CURSOR_SIDE}`);
        }
        const pixelBytes = width * height * (pixelFormat.bitsPerPixel >> 3);
        const maskRowBytes = (width + 7) >> 3;
        if (!queue.has(pixelBytes + maskRowBytes * height)) {
            return false;
        }
        const rgba = new Uint8ClampedArray(width * height * 4);
        toRgba(pixelFormat, queue.readBytes(pixelBytes), 0, rgba, 0, width * height);
        const mask = queue.readBytes(maskRowBytes * height);
        for (let row = 0; row < height; row++) {
            for (let column = 0; column < width; column++) {
                const visible = (mask[row * maskRowBytes + (column >> 3)] >> (7 - (column & 7))) & 1;
                rgba[(row * width + column) * 4 + 3] = visible ? 255 : 0;
            }
        }
        // A hot spot outside the image is harmless but not drawable: pin it to the nearest edge.
        const hotX = Math.min(rect.x, Math.max(width - 1, 0));
        const hotY = Math.min(rect.y, Math.max(height - 1, 0));
        display.setCursor(rgba, width, height, hotX, hotY);
        return true;
    }
}
