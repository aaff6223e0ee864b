// SPDX-License-Identifier: Apache-2.0

import { RfbProtocolError } from '../errors.js';

/**
 * CopyRect encoding (RFC 6143 section 7.7.2): the rectangle is a copy of another area of the
 * framebuffer, given by its top-left corner. The source is checked against the framebuffer like
 * the destination: a source outside it would read memory a hostile server chose.
 * Contract: see RawDecoder.
 */
export class CopyRectDecoder {
    decodeRect(rect, queue, pixelFormat, display) {
        if (!queue.has(4)) {
            return false;
        }
        const srcX = queue.readU16();
        const srcY = queue.readU16();
        if (srcX + rect.width > display.width || srcY + rect.height > display.height) {
            throw new RfbProtocolError(`CopyRect source ${rect.width}x${rect.height} at ${srcX},${srcY} ` +
                `lies outside the ${display.width}x${display.height} framebuffer`);
        }
        if (rect.width > 0 && rect.height > 0) {
            display.copyRect(srcX, srcY, rect.x, rect.y, rect.width, rect.height);
        }
        return true;
    }
}
