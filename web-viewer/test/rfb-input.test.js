// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RfbInput } from '../www/core/rfb-input.js';
import { decodeServerText, latin1 } from '../www/core/server-text.js';
import { CHUNKINGS } from '../test-support/chunking.js';

const SAMPLE = Uint8Array.from([
    0x01, // u8
    0x02, 0x03, // u16
    0xde, 0xad, 0xbe, 0xef, // u32
    0xff, 0xff, 0xff, 0xfe, // s32 -2
    0x10, 0x20, 0x30, 0x40, 0x50, // 5 bytes
    0x99, 0x98, // skipped
    0x07, // last
]);

function readSample(queue) {
    return {
        u8: queue.readU8(),
        u16: queue.readU16(),
        u32: queue.readU32(),
        s32: queue.readS32(),
        bytes: Array.from(queue.readBytes(5)),
        skipped: (queue.skip(2), queue.length),
        last: queue.readU8(),
    };
}

const EXPECTED = { u8: 1, u16: 0x0203, u32: 0xdeadbeef, s32: -2, bytes: [0x10, 0x20, 0x30, 0x40, 0x50], skipped: 1, last: 7 };

describe('RfbInput', () => {
    for (const chunking of CHUNKINGS) {
        test(`reads the same values when pushed ${chunking.name}`, () => {
            const queue = new RfbInput();
            chunking.split(SAMPLE).forEach((chunk) => queue.push(chunk));
            assert.equal(queue.length, SAMPLE.length);
            assert.deepEqual(readSample(queue), EXPECTED);
            assert.equal(queue.length, 0);
        });
    }

    test('peeks across chunk boundaries without consuming', () => {
        const queue = new RfbInput();
        [[0x12], [0x34, 0x56], [], [0x78, 0x9a]].forEach((chunk) => queue.push(Uint8Array.from(chunk)));
        assert.equal(queue.peekU8(), 0x12);
        assert.equal(queue.peekU16(1), 0x3456);
        assert.equal(queue.peekU32(1), 0x3456789a);
        assert.equal(queue.length, 5);
        assert.equal(queue.readU32(), 0x12345678);
        assert.equal(queue.peekU8(), 0x9a);
    });

    test('has() tells whether a read of n bytes would succeed', () => {
        const queue = new RfbInput();
        queue.push(Uint8Array.of(1, 2, 3));
        assert.equal(queue.has(3), true);
        assert.equal(queue.has(4), false);
    });

    test('a read past the end throws RangeError and consumes nothing', () => {
        const queue = new RfbInput();
        queue.push(Uint8Array.of(1, 2, 3));
        assert.throws(() => queue.readU32(), RangeError);
        assert.throws(() => queue.readBytes(4), RangeError);
        assert.throws(() => queue.skip(4), RangeError);
        assert.throws(() => queue.peekU8(3), RangeError);
        assert.equal(queue.length, 3);
        assert.equal(queue.readU16(), 0x0102);
    });

    test('readInto copies across chunks at an offset', () => {
        const queue = new RfbInput();
        queue.push(Uint8Array.of(1, 2));
        queue.push(Uint8Array.of(3));
        queue.push(Uint8Array.of(4, 5));
        const target = new Uint8Array(6);
        queue.readInto(target, 1, 4);
        assert.deepEqual(Array.from(target), [0, 1, 2, 3, 4, 0]);
        assert.equal(queue.length, 1);
    });

    test('accepts ArrayBuffers and keeps working over many chunks', () => {
        const queue = new RfbInput();
        for (let i = 0; i < 1000; i++) {
            queue.push(Uint8Array.of(i & 0xff).buffer);
        }
        for (let i = 0; i < 1000; i++) {
            assert.equal(queue.readU8(), i & 0xff);
        }
        assert.equal(queue.length, 0);
        assert.equal(queue._chunks.length, 0, 'read chunks are dropped');
    });
});

describe('text from the server', () => {
    test('latin1 maps every byte to the same code point', () => {
        const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
        const text = latin1(bytes);
        assert.equal(text.length, 256);
        assert.equal(text.charCodeAt(0x80), 0x80, 'not windows-1252');
        assert.equal(text.charCodeAt(0xe9), 0xe9);
        assert.equal(latin1(new Uint8Array(100000).fill(0x41)).length, 100000);
    });

    test('decodeServerText takes UTF-8 when valid and Latin-1 otherwise, without trailing NULs', () => {
        assert.equal(decodeServerText(new TextEncoder().encode('Wörld €')), 'Wörld €');
        assert.equal(decodeServerText(Uint8Array.of(0x57, 0xf6, 0x72)), 'Wör');
        assert.equal(decodeServerText(Uint8Array.of(0x71, 0x00, 0x00)), 'q');
    });
});

describe('RfbInput peeking', () => {
    test('peekBytes copies across chunks without consuming', () => {
        const input = new RfbInput();
        input.push(Uint8Array.of(1, 2));
        input.push(Uint8Array.of(3, 4, 5));
        assert.deepEqual(Array.from(input.peekBytes(1, 3)), [2, 3, 4]);
        assert.equal(input.length, 5);
        assert.throws(() => input.peekBytes(3, 3), RangeError);
    });

    test('skipAvailable skips what is there and says how much', () => {
        const input = new RfbInput();
        input.push(Uint8Array.of(1, 2, 3));
        assert.equal(input.skipAvailable(10), 3);
        assert.equal(input.skipAvailable(10), 0);
    });
});

describe('RfbInput lending bytes in place', () => {
    test('consume lends views of the queued chunks, one per chunk, and consumes them', () => {
        const first = Uint8Array.of(1, 2, 3);
        const input = new RfbInput();
        input.push(first);
        input.push(Uint8Array.of(4, 5, 6));
        const lent = [];
        input.consume(4, (view) => lent.push(view));
        assert.deepEqual(lent.map((view) => Array.from(view)), [[1, 2, 3], [4]]);
        assert.equal(lent[0].buffer, first.buffer, 'a view, not a copy');
        assert.equal(input.length, 2);
        assert.equal(input.readU8(), 5);
        assert.throws(() => input.consume(2, () => {}), RangeError);
    });
});
