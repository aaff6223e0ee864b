// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from '../error-codes.js';
import { RfbError } from '../errors.js';

/**
 * CopyRect encoding (RFC 6143 section 7.7.2): the rectangle is a copy of another area of the
 * framebuffer, given by its top-left corner. The source is checked against the framebuffer like
 * the destination: a source outside it would read memory a hostile server chose.
 * Contract: see RawDecoder.
 */
export class CopyRectDecoder {
    decodeRect(rect, input, pixelFormat, display) {
        if (!input.has(4)) {
            return false;
        }
        const srcX = input.readU16(); // src-x-position
        const srcY = input.readU16(); // src-y-position
        if (srcX + rect.width > display.width || srcY + rect.height > display.height) {
            throw new RfbError(ErrorCode.RECT_OUT_OF_BOUNDS, `CopyRect source ${rect.width}x${rect.height}+${srcX}+${srcY} ` +
                `lies outside the ${display.width}x${display.height} framebuffer`);
        }
        if (rect.width > 0 && rect.height > 0) {
            display.copyRect(srcX, srcY, rect.x, rect.y, rect.width, rect.height);
        }
        return true;
    }
}
