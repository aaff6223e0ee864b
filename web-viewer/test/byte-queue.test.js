// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ByteQueue } from '../www/core/byte-queue.js';
import { CappedRead, latin1, serverText } from '../www/core/capped-read.js';
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

describe('ByteQueue', () => {
    for (const chunking of CHUNKINGS) {
        test(`reads the same values when pushed ${chunking.name}`, () => {
            const queue = new ByteQueue();
            chunking.split(SAMPLE).forEach((chunk) => queue.push(chunk));
            assert.equal(queue.length, SAMPLE.length);
            assert.deepEqual(readSample(queue), EXPECTED);
            assert.equal(queue.length, 0);
        });
    }

    test('peeks across chunk boundaries without consuming', () => {
        const queue = new ByteQueue();
        [[0x12], [0x34, 0x56], [], [0x78, 0x9a]].forEach((chunk) => queue.push(Uint8Array.from(chunk)));
        assert.equal(queue.peekU8(), 0x12);
        assert.equal(queue.peekU16(1), 0x3456);
        assert.equal(queue.peekU32(1), 0x3456789a);
        assert.equal(queue.length, 5);
        assert.equal(queue.readU32(), 0x12345678);
        assert.equal(queue.peekU8(), 0x9a);
    });

    test('has() tells whether a read of n bytes would succeed', () => {
        const queue = new ByteQueue();
        queue.push(Uint8Array.of(1, 2, 3));
        assert.equal(queue.has(3), true);
        assert.equal(queue.has(4), false);
    });

    test('a read past the end throws RangeError and consumes nothing', () => {
        const queue = new ByteQueue();
        queue.push(Uint8Array.of(1, 2, 3));
        assert.throws(() => queue.readU32(), RangeError);
        assert.throws(() => queue.readBytes(4), RangeError);
        assert.throws(() => queue.skip(4), RangeError);
        assert.throws(() => queue.peekU8(3), RangeError);
        assert.equal(queue.length, 3);
        assert.equal(queue.readU16(), 0x0102);
    });

    test('readInto copies across chunks at an offset', () => {
        const queue = new ByteQueue();
        queue.push(Uint8Array.of(1, 2));
        queue.push(Uint8Array.of(3));
        queue.push(Uint8Array.of(4, 5));
        const target = new Uint8Array(6);
        queue.readInto(target, 1, 4);
        assert.deepEqual(Array.from(target), [0, 1, 2, 3, 4, 0]);
        assert.equal(queue.length, 1);
    });

    test('accepts ArrayBuffers and keeps working over many chunks', () => {
        const queue = new ByteQueue();
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

describe('CappedRead', () => {
    test('keeps the first bytes and skips the rest as they arrive', () => {
        const queue = new ByteQueue();
        const read = new CappedRead(10, 4);
        queue.push(Uint8Array.of(1, 2, 3));
        assert.equal(read.step(queue), false);
        queue.push(Uint8Array.of(4, 5, 6, 7));
        assert.equal(read.step(queue), false);
        queue.push(Uint8Array.of(8, 9, 10, 11));
        assert.equal(read.step(queue), true);
        assert.deepEqual(Array.from(read.kept), [1, 2, 3, 4]);
        assert.equal(read.truncated, true);
        assert.equal(queue.readU8(), 11, 'stops at the end of the field');
    });

    test('a 4 GiB field allocates nothing when nothing is kept', () => {
        const read = new CappedRead(0xffffffff, 0);
        assert.equal(read.kept.length, 0);
        const queue = new ByteQueue();
        queue.push(new Uint8Array(1000));
        assert.equal(read.step(queue), false);
        assert.equal(queue.length, 0);
    });

    test('an empty field is done at once', () => {
        assert.equal(new CappedRead(0, 100).step(new ByteQueue()), true);
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

    test('serverText takes UTF-8 when valid and Latin-1 otherwise', () => {
        assert.equal(serverText(new TextEncoder().encode('Wörld €')), 'Wörld €');
        assert.equal(serverText(Uint8Array.of(0x57, 0xf6, 0x72)), 'Wör');
        assert.equal(serverText(Uint8Array.of(0x41, 0xe2, 0x82)), 'A', 'a sequence cut by a cap is dropped');
    });
});
