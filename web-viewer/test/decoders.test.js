// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TightDecoder } from '../www/core/decoders/tight-decoder.js';
import { ZlibDecoder } from '../www/core/decoders/zlib-decoder.js';
import { ZrleDecoder } from '../www/core/decoders/zrle-decoder.js';
import { MemoryDisplay } from '../www/core/display/memory-display.js';
import { RGB888 } from '../www/core/pixel-format.js';
import { RfbInput } from '../www/core/rfb-input.js';
import { concat } from '../test-support/chunking.js';
import { seededRandom } from '../test-support/prng.js';
import { u32, u8 } from '../test-support/server-messages.js';

/*
 * What the shared vectors cannot see: that the decoders fed through zlib paint as the data
 * inflates, not at the rectangle's end, and hold no more than they must. The pixels and errors
 * themselves are the vectors' (protocol-tests/vectors/{zrle,zlib,tight}).
 */

/**
 * Pieces of one zlib stream as a server's sync flushes leave it: each piece ends at a block
 * boundary, so it inflates to exactly its data. Stored blocks keep the bytes predictable.
 */
function zlibPieces(...parts) {
    return parts.map((data, i) => {
        const blocks = i === 0 ? [u8(0x78, 0x01)] : [];
        for (let at = 0; at < data.length || at === 0; at += 0xffff) {
            const block = data.subarray(at, at + 0xffff);
            const length = block.length;
            blocks.push(u8(0, length & 0xff, length >> 8, ~length & 0xff, (~length >> 8) & 0xff), block);
            if (data.length === 0) {
                break;
            }
        }
        return concat(blocks);
    });
}

/** XRGB little-endian pixels, as RGB888 sends them; ZRLE's compressed pixels drop the unused byte. */
const pixel = ([r, g, b]) => u8(b, g, r, 0);
const cpixel = ([r, g, b]) => u8(b, g, r);

function setUp(width, height) {
    const display = new MemoryDisplay();
    display.resize(width, height);
    return { display, input: new RfbInput() };
}

describe('decoders fed through zlib', () => {
    test('ZRLE paints each tile as soon as its bytes are inflated', () => {
        const { display, input } = setUp(128, 64);
        const decoder = new ZrleDecoder();
        const rect = { x: 0, y: 0, width: 128, height: 64 };
        const [first, second] = zlibPieces(concat(u8(1), cpixel([255, 0, 0])), concat(u8(1), cpixel([0, 0, 255])));
        input.push(concat(u32(first.length + second.length), first));
        assert.equal(decoder.decodeRect(rect, input, RGB888, display), false);
        assert.deepEqual([display.pixel(63, 63), display.pixel(64, 0)], [[255, 0, 0, 255], [0, 0, 0, 255]],
            'the first tile is painted before the rectangle\'s last byte is in');
        input.push(second);
        assert.equal(decoder.decodeRect(rect, input, RGB888, display), true);
        assert.deepEqual(display.pixel(127, 63), [0, 0, 255, 255]);
    });

    test('ZRLE fed a byte at a time decodes a starved tile again only as its bytes double', () => {
        const { display, input } = setUp(128, 64);
        const decoder = new ZrleDecoder();
        const rect = { x: 0, y: 0, width: 128, height: 64 };
        const random = seededRandom(7);
        const colours = Array.from({ length: 128 * 64 }, () => [0, 1, 2].map(() => Math.floor(random() * 256)));
        // Two raw tiles, pixels in tile order.
        const tiles = [0, 64].map((left) => concat([u8(0), ...Array.from({ length: 64 * 64 },
            (_, i) => cpixel(colours[Math.floor(i / 64) * 128 + left + (i % 64)]))]));
        const [stream] = zlibPieces(concat(tiles));
        let attempts = 0;
        const decodeTile = decoder._decodeTile.bind(decoder);
        decoder._decodeTile = (...args) => {
            attempts++;
            return decodeTile(...args);
        };
        const bytes = concat(u32(stream.length), stream);
        let done = false;
        for (let i = 0; i < bytes.length; i++) {
            input.push(bytes.subarray(i, i + 1));
            done = decoder.decodeRect(rect, input, RGB888, display);
        }
        assert.equal(done, true);
        for (const [x, y] of [[0, 0], [63, 63], [64, 0], [127, 63], [100, 31]]) {
            assert.deepEqual(display.pixel(x, y), [...colours[y * 128 + x], 255], `pixel ${x},${y}`);
        }
        // Retried at every byte, the two tiles would be decoded about 24,000 times.
        assert.ok(attempts < 64, `${attempts} attempts`);
    });

    test('Zlib paints rows as its pixels inflate', () => {
        const { display, input } = setUp(2, 2);
        const decoder = new ZlibDecoder();
        const rect = { x: 0, y: 0, width: 2, height: 2 };
        const [first, second] = zlibPieces(concat(pixel([1, 2, 3]), pixel([4, 5, 6]), pixel([7, 8, 9]).subarray(0, 2)),
            concat(pixel([7, 8, 9]).subarray(2), pixel([10, 11, 12])));
        input.push(concat(u32(first.length + second.length), first));
        assert.equal(decoder.decodeRect(rect, input, RGB888, display), false);
        assert.deepEqual([display.pixel(1, 0), display.pixel(0, 1)], [[4, 5, 6, 255], [0, 0, 0, 255]],
            'a whole row is painted, half a pixel is kept');
        input.push(second);
        assert.equal(decoder.decodeRect(rect, input, RGB888, display), true);
        assert.deepEqual([display.pixel(0, 1), display.pixel(1, 1)], [[7, 8, 9, 255], [10, 11, 12, 255]]);
    });

    test('Tight paints basic rows as they inflate', () => {
        const { display, input } = setUp(4, 2);
        const decoder = TightDecoder.tight();
        const rect = { x: 0, y: 0, width: 4, height: 2 };
        const row = (v) => concat(Array.from({ length: 4 }, () => u8(v, v, v)));
        const [first, second] = zlibPieces(row(9), row(5));
        // Control 0x00: stream 0, copy filter; 24 bytes of rows, so compressed, with a compact length.
        input.push(concat(u8(0x00, first.length + second.length), first));
        assert.equal(decoder.decodeRect(rect, input, RGB888, display), false);
        assert.deepEqual([display.pixel(3, 0), display.pixel(0, 1)], [[9, 9, 9, 255], [0, 0, 0, 255]]);
        input.push(second);
        assert.equal(decoder.decodeRect(rect, input, RGB888, display), true);
        assert.deepEqual(display.pixel(3, 1), [5, 5, 5, 255]);
    });
});
