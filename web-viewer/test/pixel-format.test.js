// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ByteQueue } from '../www/core/byte-queue.js';
import { RfbProtocolError } from '../www/core/errors.js';
import { RGBX32, checkDecodable, describePixelFormat, isRgbx32, readPixelFormat } from '../www/core/pixel-format.js';
import { pixelFormat } from '../test-support/server-messages.js';

describe('pixel formats', () => {
    test('a PIXEL_FORMAT reads back as written', () => {
        const queue = new ByteQueue();
        queue.push(pixelFormat(RGBX32));
        assert.deepEqual(readPixelFormat(queue), { ...RGBX32 });
        assert.equal(queue.length, 0);
    });

    test('the requested format is recognised in both byte orders', () => {
        assert.equal(isRgbx32(RGBX32), true);
        assert.equal(isRgbx32({ ...RGBX32, bigEndian: true, redShift: 24, greenShift: 16, blueShift: 8 }), true);
        assert.equal(isRgbx32({ ...RGBX32, redShift: 16, blueShift: 0 }), false);
    });

    test('formats that cannot be decoded are refused with the reason', () => {
        assert.doesNotThrow(() => checkDecodable(RGBX32));
        const bad = [
            [{ ...RGBX32, bitsPerPixel: 24 }, /24 bits per pixel/],
            [{ ...RGBX32, trueColour: false }, /colour map/],
            [{ ...RGBX32, redMax: 0 }, /red max 0/],
            [{ ...RGBX32, greenMax: 100 }, /green max 100/],
            [{ ...RGBX32, blueShift: 30 }, /blue max 255 shift 30 in 32 bits/],
        ];
        for (const [pf, message] of bad) {
            assert.throws(() => checkDecodable(pf), (error) => error instanceof RfbProtocolError && message.test(error.message));
        }
    });

    test('a description for logs', () => {
        assert.equal(describePixelFormat(RGBX32), '32 bpp depth 24 little-endian true colour, max 255/255/255 shift 0/8/16');
    });
});
