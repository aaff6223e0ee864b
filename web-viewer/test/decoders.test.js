// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ByteQueue } from '../www/core/byte-queue.js';
import { CopyRectDecoder } from '../www/core/decoders/copy-rect.js';
import { CursorDecoder } from '../www/core/decoders/cursor.js';
import { DesktopSizeDecoder } from '../www/core/decoders/desktop-size.js';
import { LastRectDecoder } from '../www/core/decoders/last-rect.js';
import { RawDecoder } from '../www/core/decoders/raw.js';
import { MemoryDisplay } from '../www/core/display/memory-display.js';
import { RfbProtocolError } from '../www/core/errors.js';
import { RGBX32 } from '../www/core/pixel-format.js';
import { CHUNKINGS, concat } from '../test-support/chunking.js';

/**
 * Feeds `bytes` to a decoder as `split` cuts them, calling decodeRect after each chunk until it
 * says done; asserts that it finished exactly at the end of the bytes.
 */
function decode(decoder, rect, bytes, split, display, pixelFormat = RGBX32) {
    const queue = new ByteQueue();
    if (bytes.length === 0) {
        assert.equal(decoder.decodeRect(rect, queue, pixelFormat, display), true);
        return;
    }
    let done = false;
    for (const chunk of split(bytes)) {
        assert.equal(done, false, 'decoder finished before all its bytes arrived');
        queue.push(chunk);
        done = decoder.decodeRect(rect, queue, pixelFormat, display);
    }
    assert.equal(done, true, 'decoder did not finish with all its bytes');
    assert.equal(queue.length, 0);
}

function displayOf(width, height) {
    const display = new MemoryDisplay();
    display.resize(width, height);
    return display;
}

/** A display whose every pixel has a colour derived from its position. */
function patternDisplay(width, height) {
    const display = displayOf(width, height);
    for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
            display.fillRect(x, y, 1, 1, [x * 10, y * 10, (x * 7 + y * 13) & 0xff]);
        }
    }
    return display;
}

function rgbxPixels(colours) {
    return concat(colours.map(([r, g, b]) => Uint8Array.of(r, g, b, 0x5a)));
}

const COLOURS_5x3 = Array.from({ length: 15 }, (_, i) => [i * 16, 255 - i * 16, (i * 37) & 0xff]);

describe('Raw', () => {
    for (const chunking of CHUNKINGS) {
        test(`5x3 pixels land in place, ${chunking.name}`, () => {
            const display = displayOf(10, 6);
            decode(new RawDecoder(), { x: 2, y: 1, width: 5, height: 3 }, rgbxPixels(COLOURS_5x3), chunking.split, display);
            for (let y = 0; y < 6; y++) {
                for (let x = 0; x < 10; x++) {
                    const inside = x >= 2 && x < 7 && y >= 1 && y < 4;
                    const expected = inside ? [...COLOURS_5x3[(y - 1) * 5 + (x - 2)], 255] : [0, 0, 0, 255];
                    assert.deepEqual(display.pixel(x, y), expected, `pixel ${x},${y}`);
                }
            }
        });
    }

    test('an empty rectangle needs no bytes', () => {
        const display = displayOf(4, 4);
        decode(new RawDecoder(), { x: 4, y: 4, width: 0, height: 0 }, new Uint8Array(0), CHUNKINGS[0].split, display);
        decode(new RawDecoder(), { x: 0, y: 0, width: 3, height: 0 }, new Uint8Array(0), CHUNKINGS[0].split, display);
    });

    test('state is reset between rectangles', () => {
        const display = displayOf(4, 4);
        const decoder = new RawDecoder();
        const queue = new ByteQueue();
        queue.push(rgbxPixels([[1, 1, 1], [2, 2, 2]]));
        assert.equal(decoder.decodeRect({ x: 0, y: 0, width: 1, height: 3 }, queue, RGBX32, display), false);
        queue.push(rgbxPixels([[3, 3, 3], [9, 9, 9], [8, 8, 8]]));
        assert.equal(decoder.decodeRect({ x: 0, y: 0, width: 1, height: 3 }, queue, RGBX32, display), true);
        assert.equal(decoder.decodeRect({ x: 2, y: 2, width: 2, height: 1 }, queue, RGBX32, display), true);
        assert.deepEqual([display.pixel(0, 2), display.pixel(2, 2), display.pixel(3, 2)],
            [[3, 3, 3, 255], [9, 9, 9, 255], [8, 8, 8, 255]]);
    });

    const otherFormats = [
        {
            name: '16-bit 5-6-5 little-endian',
            pf: { bitsPerPixel: 16, depth: 16, bigEndian: false, trueColour: true, redMax: 31, greenMax: 63, blueMax: 31, redShift: 11, greenShift: 5, blueShift: 0 },
            bytes: Uint8Array.of(0x00, 0xf8, 0xe0, 0x07, 0x1f, 0x00, 0xff, 0xff),
            expected: [[255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255], [255, 255, 255, 255]],
        },
        {
            name: '32-bit big-endian, blue in the low byte',
            pf: { bitsPerPixel: 32, depth: 24, bigEndian: true, trueColour: true, redMax: 255, greenMax: 255, blueMax: 255, redShift: 16, greenShift: 8, blueShift: 0 },
            bytes: Uint8Array.of(0, 0x11, 0x22, 0x33, 0, 0x44, 0x55, 0x66, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff),
            expected: [[0x11, 0x22, 0x33, 255], [0x44, 0x55, 0x66, 255], [0, 0, 0, 255], [255, 255, 255, 255]],
        },
        {
            name: '8-bit BGR233',
            pf: { bitsPerPixel: 8, depth: 8, bigEndian: false, trueColour: true, redMax: 7, greenMax: 7, blueMax: 3, redShift: 0, greenShift: 3, blueShift: 6 },
            bytes: Uint8Array.of(0x07, 0x38, 0xc0, 0xff),
            expected: [[255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255], [255, 255, 255, 255]],
        },
    ];
    for (const format of otherFormats) {
        for (const chunking of CHUNKINGS.slice(0, 3)) {
            test(`${format.name}, ${chunking.name}`, () => {
                const display = displayOf(2, 2);
                decode(new RawDecoder(), { x: 0, y: 0, width: 2, height: 2 }, format.bytes, chunking.split, display, format.pf);
                assert.deepEqual([display.pixel(0, 0), display.pixel(1, 0), display.pixel(0, 1), display.pixel(1, 1)], format.expected);
            });
        }
    }
});

describe('CopyRect', () => {
    /** What a copy must produce, computed the slow obvious way. */
    function expectedCopy(source, srcX, srcY, x, y, w, h) {
        const copy = displayOf(source.width, source.height);
        copy.data.set(source.data);
        const block = [];
        for (let row = 0; row < h; row++) {
            for (let column = 0; column < w; column++) {
                block.push(source.pixel(srcX + column, srcY + row));
            }
        }
        block.forEach((rgba, i) => copy.fillRect(x + (i % w), y + Math.floor(i / w), 1, 1, rgba));
        return copy;
    }

    const copies = [
        { name: 'scroll up by 3 rows (overlapping)', srcX: 0, srcY: 3, rect: { x: 0, y: 0, width: 12, height: 7 } },
        { name: 'scroll down by 2 rows (overlapping)', srcX: 0, srcY: 0, rect: { x: 0, y: 2, width: 12, height: 8 } },
        { name: 'move right, overlapping', srcX: 1, srcY: 1, rect: { x: 4, y: 2, width: 6, height: 5 } },
        { name: 'disjoint copy', srcX: 0, srcY: 0, rect: { x: 8, y: 6, width: 4, height: 4 } },
    ];
    for (const copy of copies) {
        for (const chunking of CHUNKINGS.slice(0, 3)) {
            test(`${copy.name}, ${chunking.name}`, () => {
                const display = patternDisplay(12, 10);
                const expected = expectedCopy(display, copy.srcX, copy.srcY, copy.rect.x, copy.rect.y, copy.rect.width, copy.rect.height);
                decode(new CopyRectDecoder(), copy.rect, Uint8Array.of(0, copy.srcX, 0, copy.srcY), chunking.split, display);
                assert.deepEqual(display.data, expected.data);
            });
        }
    }

    test('a source outside the framebuffer is a protocol error', () => {
        const display = patternDisplay(12, 10);
        const before = Uint8ClampedArray.from(display.data);
        const queue = new ByteQueue();
        queue.push(Uint8Array.of(0, 9, 0, 0)); // 4 wide from x=9 in a 12-wide framebuffer
        assert.throws(() => new CopyRectDecoder().decodeRect({ x: 0, y: 0, width: 4, height: 1 }, queue, RGBX32, display),
            (error) => error instanceof RfbProtocolError && /CopyRect source 4x1 at 9,0 lies outside the 12x10 framebuffer/.test(error.message));
        queue.push(Uint8Array.of(0xff, 0xff, 0xff, 0xff));
        assert.throws(() => new CopyRectDecoder().decodeRect({ x: 0, y: 0, width: 1, height: 1 }, queue, RGBX32, display), RfbProtocolError);
        assert.deepEqual(display.data, before);
    });

    test('an empty copy still consumes its source position', () => {
        const display = patternDisplay(4, 4);
        decode(new CopyRectDecoder(), { x: 0, y: 0, width: 0, height: 0 }, Uint8Array.of(0, 4, 0, 4), CHUNKINGS[1].split, display);
    });
});

describe('pseudo-encodings', () => {
    test('DesktopSize resizes, keeping what overlaps', () => {
        const display = patternDisplay(4, 4);
        const kept = display.pixel(3, 3);
        decode(new DesktopSizeDecoder(), { x: 0, y: 0, width: 6, height: 5 }, new Uint8Array(0), CHUNKINGS[0].split, display);
        assert.equal(display.width, 6);
        assert.equal(display.height, 5);
        assert.deepEqual(display.pixel(3, 3), kept);
        assert.deepEqual(display.pixel(5, 4), [0, 0, 0, 255]);
    });

    test('DesktopSize over 16384 is refused before anything is allocated', () => {
        const display = displayOf(4, 4);
        assert.throws(() => new DesktopSizeDecoder().decodeRect({ x: 0, y: 0, width: 16385, height: 10 }, new ByteQueue(), RGBX32, display),
            (error) => error instanceof RfbProtocolError && /16385x10 is larger than 16384x16384/.test(error.message));
        assert.equal(display.width, 4);
    });

    test('LastRect needs no bytes and ends the update', () => {
        const decoder = new LastRectDecoder();
        assert.equal(decoder.decodeRect({ x: 0, y: 0, width: 0, height: 0 }, new ByteQueue(), RGBX32, displayOf(1, 1)), true);
        assert.equal(decoder.endsUpdate, true);
    });

    // 3x2 cursor; mask rows are padded to a byte: row 0 = 101xxxxx, row 1 = 011xxxxx.
    const cursorPixels = rgbxPixels([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12], [13, 14, 15], [16, 17, 18]]);
    const cursorMask = Uint8Array.of(0b10111111, 0b01100000);
    for (const chunking of CHUNKINGS) {
        test(`Cursor shape and mask, ${chunking.name}`, () => {
            const display = displayOf(1, 1);
            decode(new CursorDecoder(), { x: 1, y: 1, width: 3, height: 2 }, concat(cursorPixels, cursorMask), chunking.split, display);
            assert.deepEqual({ ...display.cursor, rgba: Array.from(display.cursor.rgba) }, {
                width: 3,
                height: 2,
                hotX: 1,
                hotY: 1,
                rgba: [1, 2, 3, 255, 4, 5, 6, 0, 7, 8, 9, 255, 10, 11, 12, 0, 13, 14, 15, 255, 16, 17, 18, 255],
            });
        });
    }

    test('an empty cursor hides the pointer', () => {
        const display = displayOf(1, 1);
        decode(new CursorDecoder(), { x: 0, y: 0, width: 0, height: 0 }, new Uint8Array(0), CHUNKINGS[0].split, display);
        assert.equal(display.cursor.width, 0);
    });

    test('a hot spot outside the cursor is pinned to its edge', () => {
        const display = displayOf(1, 1);
        decode(new CursorDecoder(), { x: 40, y: 9, width: 1, height: 1 }, Uint8Array.of(0, 0, 0, 0, 0x80), CHUNKINGS[0].split, display);
        assert.equal(display.cursor.hotX, 0);
        assert.equal(display.cursor.hotY, 0);
    });

    test('a cursor over 256x256 is refused before its bytes are waited for', () => {
        const queue = new ByteQueue();
        assert.throws(() => new CursorDecoder().decodeRect({ x: 0, y: 0, width: 257, height: 16 }, queue, RGBX32, displayOf(1, 1)),
            (error) => error instanceof RfbProtocolError && /cursor 257x16 is larger than 256x256/.test(error.message));
    });
});
