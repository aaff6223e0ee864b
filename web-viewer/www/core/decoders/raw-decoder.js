// SPDX-License-Identifier: Apache-2.0

import { toRgba } from '../pixel-format.js';

/**
 * Raw encoding (RFC 6143 section 7.7.1): width x height pixels, row by row.
 *
 * Whole rows are drawn as soon as they have arrived, so a full-screen rectangle never needs a
 * second full-screen buffer and the input does not hold megabytes waiting for the last row.
 *
 * Every decoder has this shape (the Java core's RectDecoder): `decodeRect(rect, input,
 * pixelFormat, display)` is called with the same rectangle until it returns true (the rectangle is
 * done, its state reset for the next one); false means it needs more bytes and has kept its
 * progress in fields. It throws RfbError on bad data. Decoders only decode pixels: the
 * pseudo-encodings are read by the message reader. The reader has already checked that the
 * rectangle lies inside the framebuffer; the display checks again where it writes.
 */
export class RawDecoder {
    constructor() {
        this._row = 0;
    }

    decodeRect(rect, input, pixelFormat, display) {
        const { x, y, width, height } = rect;
        const bytesPerPixel = pixelFormat.bitsPerPixel >> 3;
        const rowBytes = width * bytesPerPixel;
        if (rowBytes === 0) {
            return true;
        }
        while (this._row < height) {
            const rows = Math.min(height - this._row, Math.floor(input.length / rowBytes));
            if (rows === 0) {
                return false;
            }
            const pixels = width * rows;
            const rgba = new Uint8ClampedArray(pixels * 4);
            if (bytesPerPixel === 4) {
                // Read in place: for the RGBX format only the alpha bytes change.
                input.readInto(rgba, 0, rows * rowBytes);
                toRgba(pixelFormat, rgba, 0, rgba, 0, pixels);
            } else {
                toRgba(pixelFormat, input.readBytes(rows * rowBytes), 0, rgba, 0, pixels);
            }
            display.putPixels(x, y + this._row, width, rows, rgba);
            this._row += rows;
        }
        this._row = 0;
        return true;
    }
}
