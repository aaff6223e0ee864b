// SPDX-License-Identifier: Apache-2.0

import { Encoding } from '../encodings.js';
import { CopyRectDecoder } from './copy-rect.js';
import { CursorDecoder } from './cursor.js';
import { DesktopSizeDecoder } from './desktop-size.js';
import { LastRectDecoder } from './last-rect.js';
import { RawDecoder } from './raw.js';

/**
 * The decoders of one connection, by encoding number, in the order the client prefers them
 * (the order of SetEncodings). One instance per encoding is enough: rectangles are decoded one at
 * a time.
 * @returns {Map<number, object>}
 */
export function createDecoders() {
    return new Map([
        [Encoding.COPY_RECT, new CopyRectDecoder()],
        [Encoding.RAW, new RawDecoder()],
        [Encoding.DESKTOP_SIZE, new DesktopSizeDecoder()],
        [Encoding.LAST_RECT, new LastRectDecoder()],
        [Encoding.CURSOR, new CursorDecoder()],
    ]);
}

/** Pseudo-encodings describe state, not pixels: their x, y, width and height are not an area. */
export function isPseudoEncoding(encoding) {
    return encoding < 0;
}
