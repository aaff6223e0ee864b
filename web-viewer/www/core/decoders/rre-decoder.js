// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from '../error-codes.js';
import { RfbError } from '../errors.js';
import { readRgba } from '../pixel-format.js';
import { describeRect } from '../rect.js';

/**
 * RRE (RFC 6143 section 7.7.3), the Java core's RreDecoder: a count of subrectangles and a
 * background pixel, then each subrectangle as a pixel and its position and size within the
 * rectangle. Subrectangles are painted as they arrive. Each must lie inside the rectangle, and
 * there may be no more of them than the rectangle has pixels: more could only repaint the same
 * pixels, for as long as the server likes to keep the client busy. Contract: see RawDecoder.
 */
export class RreDecoder {
    constructor() {
        this._headerRead = false;
        this._subrectsLeft = 0;
    }

    decodeRect(rect, input, pixelFormat, display) {
        const bytesPerPixel = pixelFormat.bitsPerPixel >> 3;
        if (!this._headerRead) {
            if (!input.has(4 + bytesPerPixel)) {
                return false;
            }
            const count = input.readU32(); // number-of-subrectangles
            const area = rect.width * rect.height;
            if (count > area) {
                throw new RfbError(ErrorCode.BAD_ENCODING_DATA, `RRE rectangle ${describeRect(rect)} claims ${count} ` +
                    `subrectangles; it has only ${area} pixels`);
            }
            const background = readRgba(pixelFormat, input); // background-pixel-value
            display.fillRect(rect.x, rect.y, rect.width, rect.height, background);
            this._subrectsLeft = count;
            this._headerRead = true;
        }
        const subrectBytes = bytesPerPixel + 8;
        while (this._subrectsLeft > 0) {
            if (!input.has(subrectBytes)) {
                return false;
            }
            const colour = readRgba(pixelFormat, input); // subrect-pixel-value
            const sub = {
                x: input.readU16(), // x-position
                y: input.readU16(), // y-position
                width: input.readU16(), // width
                height: input.readU16(), // height
            };
            if (sub.x + sub.width > rect.width || sub.y + sub.height > rect.height) {
                throw new RfbError(ErrorCode.BAD_ENCODING_DATA, `RRE rectangle ${describeRect(rect)}: subrectangle ` +
                    `${describeRect(sub)} lies outside it`);
            }
            display.fillRect(rect.x + sub.x, rect.y + sub.y, sub.width, sub.height, colour);
            this._subrectsLeft--;
        }
        this._headerRead = false;
        return true;
    }
}
