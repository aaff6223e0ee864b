// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MemoryDisplay } from '../www/core/display/memory-display.js';
import { RfbClient } from '../www/core/rfb-client.js';
import { CHUNKINGS, concat } from '../test-support/chunking.js';
import { FakeTransport } from '../test-support/fake-transport.js';
import { randomInt, seededRandom } from '../test-support/prng.js';
import {
    banner, copyRect, framebufferUpdate, handshake38None, rawRect, rectHeader, serverInit, u16, u32, u8,
} from '../test-support/server-messages.js';
import { newSession, recordingLogger } from '../test-support/session.js';

function connected(width = 16, height = 12) {
    const session = newSession();
    session.transport.serverSends(handshake38None(width, height, 'desk'));
    assert.equal(session.client.connected, true);
    session.transport.takeSent();
    session.events.length = 0;
    return session;
}

/** Asserts the session ended with exactly this protocol error and drew nothing more. */
function assertProtocolError(session, message) {
    const errors = session.eventsOf('error');
    assert.deepEqual(errors.map((e) => e.message), [`protocol error: ${message}`]);
    assert.equal(errors[0].kind, 'protocol');
    assert.deepEqual(session.eventsOf('disconnect'), [{ clean: false, reason: `protocol error: ${message}` }]);
    assert.equal(session.transport.closed, true);
}

describe('hostile server', () => {
    const cases = [
        {
            name: 'Raw rectangle past the right edge',
            bytes: framebufferUpdate([rawRect(14, 0, 3, 1, [[1, 1, 1], [1, 1, 1], [1, 1, 1]])]),
            message: 'Raw (0) rectangle 3x1 at 14,0 lies outside the 16x12 framebuffer',
        },
        {
            name: 'Raw rectangle whose corner wraps a 16-bit sum',
            bytes: framebufferUpdate([rectHeader(0xffff, 0xffff, 2, 2, 0)]),
            message: 'Raw (0) rectangle 2x2 at 65535,65535 lies outside the 16x12 framebuffer',
        },
        {
            name: 'CopyRect destination outside',
            bytes: framebufferUpdate([copyRect(0, 11, 1, 2, 0, 0)]),
            message: 'CopyRect (1) rectangle 1x2 at 0,11 lies outside the 16x12 framebuffer',
        },
        {
            name: 'CopyRect source outside',
            bytes: framebufferUpdate([copyRect(0, 0, 4, 4, 13, 0)]),
            message: 'CopyRect source 4x4 at 13,0 lies outside the 16x12 framebuffer',
        },
        {
            name: 'unknown message type',
            bytes: u8(42, 0, 0, 0),
            message: 'unknown server message type 42',
        },
        {
            name: 'encoding that was not asked for, known by name',
            bytes: framebufferUpdate([rectHeader(0, 0, 1, 1, 7)]),
            message: 'the server sent a rectangle in Tight (7), an encoding this client did not ask for',
        },
        {
            name: 'encoding nobody knows',
            bytes: framebufferUpdate([rectHeader(0, 0, 1, 1, 99)]),
            message: 'the server sent a rectangle in encoding 99 (0x00000063), an encoding this client did not ask for',
        },
        {
            name: 'DesktopSize over 16384',
            bytes: framebufferUpdate([rectHeader(0, 0, 20000, 20000, -223)]),
            message: 'DesktopSize: framebuffer 20000x20000 is larger than 16384x16384',
        },
        {
            name: 'cursor over 256x256',
            bytes: framebufferUpdate([rectHeader(0, 0, 1000, 1000, -239)]),
            message: 'cursor 1000x1000 is larger than 256x256',
        },
    ];
    for (const scenario of cases) {
        for (const chunking of CHUNKINGS.slice(0, 3)) {
            test(`${scenario.name}, ${chunking.name}`, () => {
                const session = connected();
                const before = Uint8ClampedArray.from(session.display.data);
                assert.doesNotThrow(() => session.transport.serverSends(scenario.bytes, chunking.split));
                assertProtocolError(session, scenario.message);
                assert.deepEqual(session.display.data, before, 'nothing was drawn');
                assert.equal(session.transport.sent.length, 0, 'no update was requested');
            });
        }
    }

    test('a framebuffer over 16384 in ServerInit is refused before anything is allocated', () => {
        const session = newSession();
        session.transport.serverSends(concat(banner('003.008'), u8(1, 1), u32(0), serverInit(16385, 2)));
        assertProtocolError(session, 'ServerInit: framebuffer 16385x2 is larger than 16384x16384');
        assert.equal(session.display.width, 0);
    });

    test('a 4 GiB desktop name is skipped as it streams, keeping 4 KiB', () => {
        const session = newSession();
        session.transport.serverSends(concat(banner('003.008'), u8(1, 1), u32(0), u16(8), u16(8), new Uint8Array(16), u32(0xffffffff)));
        for (let i = 0; i < 64; i++) {
            session.transport.serverSends(new Uint8Array(65536).fill(0x41));
            assert.equal(session.client._queue.length, 0, 'nothing piles up');
        }
        assert.equal(session.client.connected, false);
        assert.deepEqual(session.eventsOf('error'), []);
    });

    test('a 4 GiB clipboard is skipped as it streams, without allocating it', () => {
        const session = connected();
        session.transport.serverSends(concat(u8(3, 0, 0, 0), u32(0xffffffff)));
        for (let i = 0; i < 64; i++) {
            session.transport.serverSends(new Uint8Array(65536));
            assert.equal(session.client._queue.length, 0, 'nothing piles up');
        }
        assert.equal(session.client.connected, true);
        assert.deepEqual(session.eventsOf('clipboard'), []);
        assert.equal(session.client._field.kept.length, 0);
    });

    test('a 65535-colour map is skipped as it streams', () => {
        const session = connected();
        session.transport.serverSends(concat(u8(1, 0), u16(0), u16(0xffff), new Uint8Array(0xffff * 6), u8(2)), CHUNKINGS[3].split);
        assert.equal(session.eventsOf('bell').length, 1);
    });
});

/**
 * A display that refuses large framebuffers, so random DesktopSize rectangles cannot make the
 * fuzz test allocate gigabytes (the client's own limit is 16384x16384).
 */
class SmallDisplay extends MemoryDisplay {
    resize(width, height) {
        if (width * height > 256 * 256) {
            throw new RangeError(`fuzz display refuses ${width}x${height}`);
        }
        super.resize(width, height);
    }
}

/** Runs bytes through a fresh client; returns what happened. Never lets an exception out. */
function survive(bytes, split) {
    const transport = new FakeTransport();
    const client = new RfbClient({ transport, display: new SmallDisplay(), logger: recordingLogger(), credentials: { password: 'x' } });
    const counts = { error: 0, disconnect: 0 };
    const errors = [];
    client.on('error', (detail) => {
        counts.error++;
        errors.push(detail);
    });
    client.on('disconnect', () => counts.disconnect++);
    transport.serverSends(bytes, split);
    return { client, counts, errors };
}

describe('fuzzing', () => {
    const valid = concat(
        handshake38None(32, 24, 'fuzz'),
        framebufferUpdate([
            rawRect(0, 0, 4, 4, Array.from({ length: 16 }, (_, i) => [i, i, i])),
            copyRect(8, 8, 4, 4, 0, 0),
            concat(rectHeader(0, 0, 2, 2, -239), new Uint8Array(16), Uint8Array.of(0xc0, 0x40)),
            rectHeader(0, 0, 40, 30, -223),
        ]),
        u8(2), u8(3, 0, 0, 0), u32(3), u8(0x61, 0x62, 0x63),
    );

    test('mutated sessions end in a clean error or go on, and never throw', () => {
        for (let seed = 1; seed <= 300; seed++) {
            const random = seededRandom(seed);
            const bytes = Uint8Array.from(valid);
            const flips = randomInt(random, 1, 6);
            for (let i = 0; i < flips; i++) {
                bytes[randomInt(random, 0, bytes.length - 1)] = randomInt(random, 0, 255);
            }
            let outcome;
            assert.doesNotThrow(() => {
                outcome = survive(bytes, CHUNKINGS[seed % CHUNKINGS.length].split);
            }, `seed ${seed}`);
            assert.ok(outcome.counts.error <= 1 && outcome.counts.disconnect <= 1, `seed ${seed}`);
            assert.equal(outcome.counts.error, outcome.counts.disconnect, `seed ${seed}: an error always ends the session`);
            for (const error of outcome.errors) {
                // Internal errors would mean a check was missed and the display caught it.
                assert.ok(error.kind !== 'internal' || error.message.includes('fuzz display refuses'),
                    `seed ${seed}: ${error.message}`);
            }
        }
    });

    test('random bytes after a valid handshake never throw', () => {
        for (let seed = 1; seed <= 200; seed++) {
            const random = seededRandom(seed * 7919);
            const noise = Uint8Array.from({ length: randomInt(random, 1, 400) }, () => randomInt(random, 0, 255));
            assert.doesNotThrow(() => survive(concat(handshake38None(32, 24, 'fuzz'), noise), CHUNKINGS[1].split), `seed ${seed}`);
        }
    });
});
