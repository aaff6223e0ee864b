// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readCursor } from '../www/core/cursor-reader.js';
import { Encoding } from '../www/core/encodings.js';
import { ErrorCode } from '../www/core/error-codes.js';
import { RfbError } from '../www/core/errors.js';
import { RfbInput } from '../www/core/rfb-input.js';
import { RGBX32 } from '../www/core/pixel-format.js';

/*
 * What the shared vectors (protocol-tests/vectors/cursor/ and the Cursor ones) leave out: a body
 * never half consumed, and the edges of CursorWithAlpha's arithmetic.
 */

const RAW = [0, 0, 0, 0];

/** A cursor body for each encoding, 2x1 with hotspot 1,0. */
const BODIES = [
    { name: 'Cursor', encoding: Encoding.CURSOR, body: [1, 2, 3, 0, 4, 5, 6, 0, 0x80],
        rgba: [1, 2, 3, 255, 4, 5, 6, 0] },
    { name: 'XCursor', encoding: Encoding.X_CURSOR, body: [1, 2, 3, 4, 5, 6, 0x80, 0xc0],
        rgba: [1, 2, 3, 255, 4, 5, 6, 255] },
    { name: 'CursorWithAlpha', encoding: Encoding.CURSOR_WITH_ALPHA, body: [...RAW, 3, 2, 1, 0xff, 6, 5, 4, 0xff],
        rgba: [1, 2, 3, 255, 4, 5, 6, 255] },
];

describe('readCursor', () => {
    for (const { name, encoding, body, rgba } of BODIES) {
        test(`${name}: null and nothing consumed until the whole body is in, then all of it`, () => {
            const rect = { x: 1, y: 0, width: 2, height: 1 };
            for (let have = 0; have < body.length; have++) {
                const input = RfbInput.of(Uint8Array.from(body.slice(0, have)));
                assert.equal(readCursor(encoding, rect, input, RGBX32), null, `${have} bytes`);
                assert.equal(input.consumed, 0, `${have} bytes`);
            }
            const input = RfbInput.of(Uint8Array.from([...body, 0x99]));
            const shape = readCursor(encoding, rect, input, RGBX32);
            assert.deepEqual({ ...shape, rgba: Array.from(shape.rgba) },
                { rgba, width: 2, height: 1, hotX: 1, hotY: 0 });
            assert.equal(input.length, 1, 'the next message\'s byte is left');
        });
    }

    test('CursorWithAlpha: channels are divided by alpha, rounded, and capped above alpha', () => {
        const input = RfbInput.of(Uint8Array.from([...RAW, 0x01, 0x02, 0x03, 0x04, 0xff, 0x00, 0x10, 0x08,
            9, 9, 9, 0]));
        const rect = { x: 0, y: 0, width: 3, height: 1 };
        const shape = readCursor(Encoding.CURSOR_WITH_ALPHA, rect, input, RGBX32);
        // (3*255+2)/4 = 191, (2*255+2)/4 = 128, (1*255+2)/4 = 64; then capped; alpha 0 is black.
        assert.deepEqual(Array.from(shape.rgba), [191, 128, 64, 4, 255, 0, 255, 8, 0, 0, 0, 0]);
    });

    test('an empty CursorWithAlpha still names its encoding, and its hotspot is dropped', () => {
        const rect = { x: 7, y: 9, width: 0, height: 0 };
        assert.equal(readCursor(Encoding.CURSOR_WITH_ALPHA, rect, RfbInput.of(Uint8Array.of(0, 0, 0)), RGBX32), null);
        const shape = readCursor(Encoding.CURSOR_WITH_ALPHA, rect, RfbInput.of(Uint8Array.from(RAW)), RGBX32);
        assert.deepEqual({ ...shape, rgba: shape.rgba.length }, { rgba: 0, width: 0, height: 0, hotX: 0, hotY: 0 });
        const inCursor = RfbInput.of(Uint8Array.of(0xff, 0xff, 0xff, 0x11));
        assert.throws(() => readCursor(Encoding.CURSOR_WITH_ALPHA, rect, inCursor, RGBX32),
            (error) => error instanceof RfbError && error.code === ErrorCode.BAD_CURSOR && error.message ===
                'a CursorWithAlpha in Cursor (-239); servers send it in Raw, the only encoding taken for it');
        assert.equal(inCursor.consumed, 0);
    });

    test('a size too large is refused before any byte is awaited, for each encoding', () => {
        for (const { encoding } of BODIES) {
            assert.throws(() => readCursor(encoding, { x: 0, y: 0, width: 1, height: 257 }, new RfbInput(), RGBX32),
                (error) => error instanceof RfbError && error.code === ErrorCode.BAD_CURSOR
                    && error.message === 'cursor 1x257 is larger than 256x256');
        }
    });
});
