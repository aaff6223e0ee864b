// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ContinuousUpdates } from '../www/core/continuous-updates.js';
import { LinkEstimate } from '../www/core/link-estimate.js';
import { concat } from '../test-support/chunking.js';
import { framebufferUpdate, handshake38None, rawRect, rectHeader, u16, u32, u8 } from '../test-support/server-messages.js';
import { newSession } from '../test-support/session.js';

/*
 * What the shared vectors cannot show, as they carry no clock: how continuous mode feeds the link
 * estimate, and the state in continuous-updates.js on its own. The protocol rules themselves are
 * pinned by protocol-tests/vectors/continuous-updates/.
 */

function fence(flags, payload) {
    return concat(u8(248, 0, 0, 0), u32(flags), u8(payload.length), payload);
}

const END_OF_CONTINUOUS_UPDATES = u8(150);

describe('ContinuousUpdates', () => {
    test('turns on once the server has shown both messages, in either order, and only once a session', () => {
        for (const order of [['fence', 'end'], ['end', 'fence']]) {
            const cu = new ContinuousUpdates(true);
            const show = (what) => (what === 'fence' ? cu.serverSentFence() : cu.serverSentEnd());
            assert.equal(show(order[0]), false, order.join(', '));
            assert.equal(show(order[1]), true, order.join(', '));
            assert.equal(cu.enabled, true);
            assert.equal(cu.serverSentFence(), false, 'already on: nothing to enable');
            assert.equal(cu.serverSentEnd(), false, 'the server ended it');
            assert.equal(cu.enabled, false);
            assert.equal(cu.serverSentFence() || cu.serverSentEnd(), false, 'a server that ended it wants requests');
        }
    });

    test('stays off when the client did not announce both', () => {
        const cu = new ContinuousUpdates(false);
        assert.equal(cu.serverSentFence() || cu.serverSentEnd(), false);
        assert.equal(cu.probeDue(0), null);
    });

    test('has one probe outstanding at most, numbered from 1, answered only by its own payload', () => {
        const cu = new ContinuousUpdates(true);
        cu.serverSentFence();
        cu.serverSentEnd();
        assert.deepEqual(Array.from(cu.probeDue(5)), [0, 0, 0, 1]);
        assert.equal(cu.probeDue(6), null, 'one outstanding');
        assert.equal(cu.probeAnswered(Uint8Array.of(0, 0, 0, 2)), null);
        assert.equal(cu.probeAnswered(Uint8Array.of(0, 0, 0, 1, 0)), null);
        assert.equal(cu.probeAnswered(Uint8Array.of(0, 0, 0, 1)), 5, 'when it went out');
        assert.equal(cu.probeAnswered(Uint8Array.of(0, 0, 0, 1)), null, 'answered already');
        assert.deepEqual(Array.from(cu.probeDue(7)), [0, 0, 0, 2]);
        cu.serverSentEnd();
        assert.equal(cu.probeAnswered(Uint8Array.of(0, 0, 0, 2)), null, 'continuous mode ended: dropped');
    });
});

describe('the link in continuous mode', () => {
    test('a wait with nothing requested is no round trip; the fence answer is one', () => {
        const link = new LinkEstimate();
        link.requested(0, false);
        link.arrived(3, 0, 100);
        assert.equal(link.roundTripMs, -1);
        link.arrived(40, 100, 13);
        link.roundTrip(10, 113);
        assert.equal(link.roundTripMs, 30, 'from the probe to the arrival of the chunk with its answer');
    });

    test('a probe gives the round trip, and updates nobody asked for still measure the bandwidth', () => {
        const clock = { t: 0 };
        const session = newSession({ encodings: [0, -312, -313], now: () => clock.t });
        // All in one chunk, so that it arrives before the first request goes out and times nothing.
        session.transport.serverSends(concat(handshake38None(64, 64, 'desk'), fence(0x80000000, u8(7)),
            END_OF_CONTINUOUS_UPDATES, framebufferUpdate([rawRect(0, 0, 1, 1, [[0, 0, 0]])])));
        assert.equal(session.client.continuousUpdates, true);
        session.transport.takeSent();

        const pixels = new Uint8Array(64 * 64 * 4);
        const update = framebufferUpdate([concat(rectHeader(0, 0, 64, 64, 0), pixels)]);
        clock.t = 1; // 1 ms after the last update: if that counted as a round trip, it would be the shortest
        session.transport.serverSends(update.subarray(0, 16));
        clock.t += 262.144;
        session.transport.serverSends(update.subarray(16));
        assert.deepEqual(Array.from(session.transport.takeSent()), [], 'no request, and the probe is outstanding');
        assert.equal(session.client.link.samples, 1);

        clock.t = 300;
        session.transport.serverSends(concat(fence(0, u32(1)), framebufferUpdate([])));
        assert.equal(session.client.link.describe(), '0.5 Mbit/s, 300 ms');
        assert.deepEqual(Array.from(session.transport.takeSent()), Array.from(fence(0x80000000, u32(2))),
            'the next probe once the first is answered');
    });
});

describe('requestDesktopSize', () => {
    test('refuses a size that is not a number, which would otherwise fail the session when it fell due', () => {
        const session = newSession({ encodings: [0, -308] });
        session.transport.serverSends(handshake38None(4, 4, 'desk'));
        session.transport.takeSent();
        assert.throws(() => session.client.requestDesktopSize(Number.NaN, 3), RangeError);
        assert.throws(() => session.client.requestDesktopSize('8', 3), RangeError);
        // The server shows it takes SetDesktopSize: nothing was kept to send.
        const screen = concat(u32(1), u16(0), u16(0), u16(4), u16(4), u32(0));
        session.transport.serverSends(framebufferUpdate([concat(rectHeader(0, 0, 4, 4, -308), u8(1, 0, 0, 0), screen)]));
        assert.equal(session.client.connected, true);
        assert.deepEqual(Array.from(session.transport.takeSent()), [3, 1, 0, 0, 0, 0, 0, 4, 0, 4]);
        session.client.requestDesktopSize(Infinity, 2.7);
        assert.deepEqual(Array.from(session.transport.takeSent()).slice(0, 6), [251, 0, 0x40, 0, 0, 2], 'clamped, rounded down');
    });
});
