// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RfbError } from '../www/core/errors.js';
import {
    RGB888, RGBX32, describePixelFormat, isRgbx32, readPixelFormat, toRgba, validatePixelFormat,
    withColourMapEntries, withEmptyColourMap,
} from '../www/core/pixel-format.js';
import { RfbInput } from '../www/core/rfb-input.js';
import { pixelFormat } from '../test-support/server-messages.js';

/*
 * What the vectors do not reach directly: conversions through every path of toRgba. ServerInit and
 * SetPixelFormat in every accepted format, and every refused one, are vectors (server-init/).
 */
describe('pixel formats', () => {
    test('a PIXEL_FORMAT reads back as written', () => {
        const input = RfbInput.of(pixelFormat(RGB888));
        assert.deepEqual(readPixelFormat(input), { ...RGB888 });
        assert.equal(input.length, 0);
    });

    test('the web viewer\'s own format is recognised in both byte orders', () => {
        assert.equal(isRgbx32(RGBX32), true);
        assert.equal(isRgbx32({ ...RGBX32, bigEndian: true, redShift: 24, greenShift: 16, blueShift: 8 }), true);
        assert.equal(isRgbx32(RGB888), false);
    });

    test('RGBX32 converts in place, setting only alpha', () => {
        const pixels = Uint8ClampedArray.of(1, 2, 3, 0, 4, 5, 6, 99);
        toRgba(RGBX32, pixels, 0, pixels, 0, 2);
        assert.deepEqual(Array.from(pixels), [1, 2, 3, 255, 4, 5, 6, 255]);
    });

    test('XRGB, as the Java core asks for, converts through the general path', () => {
        const out = new Uint8ClampedArray(4);
        toRgba(RGB888, Uint8Array.of(0x56, 0x34, 0x12, 0), 0, out, 0, 1);
        assert.deepEqual(Array.from(out), [0x12, 0x34, 0x56, 255]);
    });

    test('a colour map starts black and takes the entries the server sends', () => {
        const mapped = withEmptyColourMap({ ...RGB888, bitsPerPixel: 8, depth: 8, trueColour: false });
        const set = withColourMapEntries(mapped, 254, Uint8Array.of(10, 20, 30, 40, 50, 60));
        const out = new Uint8ClampedArray(12);
        toRgba(set, Uint8Array.of(255, 254, 3), 0, out, 0, 3);
        assert.deepEqual(Array.from(out), [40, 50, 60, 255, 10, 20, 30, 255, 0, 0, 0, 255]);
        assert.notEqual(set.colourMap, mapped.colourMap, 'entries make a new map');
    });

    test('validation names the problem and describes the format as the Java core does', () => {
        assert.doesNotThrow(() => validatePixelFormat(RGBX32));
        assert.throws(() => validatePixelFormat({ ...RGB888, blueShift: 30 }), (error) => error instanceof RfbError &&
            error.code === 'bad-pixel-format' && error.message ===
            'invalid pixel format (32bpp depth 24 little-endian true colour r255<<16 g255<<8 b255<<30): ' +
            'blue channel (8 bits at shift 30) does not fit 32 bits per pixel');
        assert.equal(describePixelFormat(RGBX32), '32bpp depth 24 little-endian true colour r255<<0 g255<<8 b255<<16');
    });
});
