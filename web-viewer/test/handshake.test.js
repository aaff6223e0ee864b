// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ClientState } from '../www/core/rfb-client.js';
import { CHUNKINGS, concat } from '../test-support/chunking.js';
import { ascii, sessionStart } from '../test-support/client-bytes.js';
import { banner, lengthPrefixed, serverInit, u32, u8 } from '../test-support/server-messages.js';
import { newSession } from '../test-support/session.js';

const CHALLENGE = Uint8Array.from([0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
    0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]);
// vncAuthResponse('password', CHALLENGE), computed with openssl (see des.test.js).
const RESPONSE_PASSWORD = [0xb7, 0xb9, 0xc8, 0x77, 0x77, 0x66, 0x1a, 0x7a,
    0x22, 0x99, 0x73, 0x32, 0x09, 0xbf, 0xdf, 0xce];

function text(value) {
    return new TextEncoder().encode(value);
}

function capability(code, vendor, signature) {
    return concat(u32(code), Uint8Array.from(vendor + signature, (ch) => ch.charCodeAt(0)));
}

/**
 * Handshakes that succeed: the server's whole side, what the client must send in reply, and the
 * options. Each runs under every chunking.
 */
const SUCCESSES = [
    {
        name: '3.8, None',
        server: concat(banner('003.008'), u8(1, 1), u32(0), serverInit(640, 480, 'desk')),
        client: [...ascii('RFB 003.008\n'), 1, 1, ...sessionStart(640, 480)],
        version: '3.8',
    },
    {
        name: '3.7, None: no SecurityResult',
        server: concat(banner('003.007'), u8(1, 1), serverInit(640, 480, 'desk')),
        client: [...ascii('RFB 003.007\n'), 1, 1, ...sessionStart(640, 480)],
        version: '3.7',
    },
    {
        name: '3.3, None chosen by the server',
        server: concat(banner('003.003'), u32(1), serverInit(640, 480, 'desk')),
        client: [...ascii('RFB 003.003\n'), 1, ...sessionStart(640, 480)],
        version: '3.3',
    },
    {
        name: '3.3, VNC Authentication with the password given up front',
        server: concat(banner('003.003'), u32(2), CHALLENGE, u32(0), serverInit(640, 480, 'desk')),
        client: [...ascii('RFB 003.003\n'), ...RESPONSE_PASSWORD, 1, ...sessionStart(640, 480)],
        options: { credentials: { password: 'password' } },
        version: '3.3',
    },
    {
        name: '3.8, None preferred when VNC Authentication is offered too',
        server: concat(banner('003.008'), u8(2, 2, 1), u32(0), serverInit(640, 480, 'desk')),
        client: [...ascii('RFB 003.008\n'), 1, 1, ...sessionStart(640, 480)],
        version: '3.8',
    },
    {
        name: '3.8, the securityTypes option decides: TightVNC over None',
        server: concat(banner('003.008'), u8(2, 1, 16), u32(0), u32(0), u32(0),
            serverInit(640, 480, 'desk'), u8(0, 0, 0, 0, 0, 0, 0, 0)),
        client: [...ascii('RFB 003.008\n'), 16, 1, ...sessionStart(640, 480)],
        options: { securityTypes: [16, 1] },
        version: '3.8',
    },
    {
        name: '3.5 banner answered as 3.3',
        server: concat(banner('003.005'), u32(1), serverInit(640, 480, 'desk')),
        client: [...ascii('RFB 003.003\n'), 1, ...sessionStart(640, 480)],
        version: '3.3',
    },
    {
        name: 'Apple 3.889 banner answered as 3.8',
        server: concat(banner('003.889'), u8(1, 1), u32(0), serverInit(640, 480, 'desk')),
        client: [...ascii('RFB 003.008\n'), 1, 1, ...sessionStart(640, 480)],
        version: '3.8',
    },
    {
        name: 'RealVNC 4.1 banner answered as 3.8',
        server: concat(banner('004.001'), u8(1, 1), u32(0), serverInit(640, 480, 'desk')),
        client: [...ascii('RFB 003.008\n'), 1, 1, ...sessionStart(640, 480)],
        version: '3.8',
    },
    {
        name: 'TightVNC security: no tunnel, None, capability lists after ServerInit',
        server: concat(banner('003.008'), u8(1, 16),
            u32(1), capability(0, 'TGHT', 'NOTUNNEL'),
            u32(2), capability(1, 'STDV', 'NOAUTH__'), capability(2, 'STDV', 'VNCAUTH_'),
            u32(0),
            serverInit(640, 480, 'desk'),
            u8(0, 1, 0, 1, 0, 2, 0, 0), new Uint8Array(4 * 16)),
        client: [...ascii('RFB 003.008\n'), 16, 0, 0, 0, 0, 0, 0, 0, 1, 1, ...sessionStart(640, 480)],
        version: '3.8',
    },
    {
        name: 'TightVNC security: VNC Authentication inside, no tunnel list',
        server: concat(banner('003.008'), u8(1, 16),
            u32(0),
            u32(1), capability(2, 'STDV', 'VNCAUTH_'),
            CHALLENGE, u32(0),
            serverInit(640, 480, 'desk'),
            u8(0, 0, 0, 0, 0, 0, 0, 0)),
        client: [...ascii('RFB 003.008\n'), 16, 0, 0, 0, 2, ...RESPONSE_PASSWORD, 1, ...sessionStart(640, 480)],
        options: { credentials: { password: 'password' } },
        version: '3.8',
    },
    {
        name: 'TightVNC security on 3.7 with an empty auth list: no SecurityResult',
        server: concat(banner('003.007'), u8(1, 16), u32(0), u32(0),
            serverInit(640, 480, 'desk'), u8(0, 0, 0, 0, 0, 0, 0, 0)),
        client: [...ascii('RFB 003.007\n'), 16, 1, ...sessionStart(640, 480)],
        version: '3.7',
    },
];

describe('handshake', () => {
    for (const scenario of SUCCESSES) {
        for (const chunking of CHUNKINGS) {
            test(`${scenario.name}, delivered ${chunking.name}`, () => {
                const session = newSession(scenario.options);
                session.transport.serverSends(scenario.server, chunking.split);
                assert.deepEqual(session.eventsOf('error'), []);
                assert.deepEqual(Array.from(session.transport.sentBytes()), scenario.client);
                assert.deepEqual(session.eventTypes(), ['desktopname', 'resize', 'connect']);
                assert.equal(session.client.state, ClientState.NORMAL);
                assert.equal(session.client.protocolVersion, scenario.version);
                assert.equal(session.client.desktopName, 'desk');
                assert.equal(session.display.width, 640);
                assert.equal(session.display.height, 480);
            });
        }
    }

    for (const chunking of CHUNKINGS) {
        test(`VNC Authentication asks for the password once and goes on when given, ${chunking.name}`, () => {
            const session = newSession();
            session.transport.serverSends(concat(banner('003.008'), u8(1, 2), CHALLENGE), chunking.split);
            assert.deepEqual(session.eventsOf('credentialsrequired'), [{ types: ['password'] }]);
            assert.deepEqual(Array.from(session.transport.takeSent()), [...ascii('RFB 003.008\n'), 2]);
            session.client.sendCredentials({ password: 'password' });
            assert.deepEqual(Array.from(session.transport.takeSent()), RESPONSE_PASSWORD);
            session.transport.serverSends(concat(u32(0), serverInit(800, 600, 'x')), chunking.split);
            assert.deepEqual(Array.from(session.transport.takeSent()), [1, ...sessionStart(800, 600)]);
            assert.equal(session.client.connected, true);
        });
    }

    test('credentials given from inside the credentialsrequired listener are used at once', () => {
        const session = newSession();
        session.client.on('credentialsrequired', () => session.client.sendCredentials({ password: 'password' }));
        session.transport.serverSends(concat(banner('003.008'), u8(1, 2), CHALLENGE, u32(0), serverInit(8, 8)));
        assert.equal(session.client.connected, true);
        assert.deepEqual(Array.from(session.transport.sentBytes().subarray(13, 29)), RESPONSE_PASSWORD);
    });

    test('a non-ASCII desktop name in UTF-8, and one in Latin-1', () => {
        const utf8 = newSession();
        utf8.transport.serverSends(concat(banner('003.008'), u8(1, 1), u32(0), serverInit(8, 8, 'Wörld €')));
        assert.deepEqual(utf8.eventsOf('desktopname'), [{ name: 'Wörld €' }]);
        const latin = newSession();
        latin.transport.serverSends(concat(banner('003.008'), u8(1, 1), u32(0),
            u8(0, 8, 0, 8), new Uint8Array(16), lengthPrefixed(Uint8Array.of(0x57, 0xf6, 0x72))));
        assert.equal(latin.client.desktopName, 'Wör');
    });
});

/** Handshakes that fail: the error the user sees, and that the session ends cleanly. */
const FAILURES = [
    {
        name: '3.8 wrong password: the server\'s reason is shown',
        server: concat(banner('003.008'), u8(1, 2), CHALLENGE, u32(1), lengthPrefixed(text('Authentication failure'))),
        options: { credentials: { password: 'wrong' } },
        kind: 'auth',
        message: 'authentication failed: Authentication failure',
    },
    {
        name: '3.7 wrong password: no reason on the wire',
        server: concat(banner('003.007'), u8(1, 2), CHALLENGE, u32(1)),
        options: { credentials: { password: 'wrong' } },
        kind: 'auth',
        message: 'authentication failed',
    },
    {
        name: '3.3 connection refused with a reason',
        server: concat(banner('003.003'), u32(0), lengthPrefixed(text('Too many security failures'))),
        kind: 'auth',
        message: 'the server refused the connection: Too many security failures',
    },
    {
        name: '3.8 empty security type list with a reason',
        server: concat(banner('003.008'), u8(0), lengthPrefixed(text('No more connections'))),
        kind: 'auth',
        message: 'the server refused the connection: No more connections',
    },
    {
        name: 'no security type in common',
        server: concat(banner('003.008'), u8(2, 19, 5)),
        kind: 'auth',
        message: 'no supported security type: the server offers VeNCrypt (19), RA2 (5)',
    },
    {
        name: '3.3 server insisting on an unknown type',
        server: concat(banner('003.003'), u32(99)),
        kind: 'auth',
        message: 'the server requires security type 99, which is not supported',
    },
    {
        name: '3.3 server choosing None when only VNC Authentication is allowed',
        server: concat(banner('003.003'), u32(1)),
        options: { securityTypes: [2] },
        kind: 'auth',
        message: 'the server requires None (1), which is not allowed',
    },
    {
        name: '3.8 server offering only None when only VNC Authentication is allowed',
        server: concat(banner('003.008'), u8(1, 1)),
        options: { securityTypes: [2] },
        kind: 'auth',
        message: 'no supported security type: the server offers None (1)',
    },
    {
        name: 'TightVNC security that requires a tunnel',
        server: concat(banner('003.008'), u8(1, 16), u32(1), capability(1, 'SICR', 'SCHANNEL')),
        kind: 'protocol',
        message: 'protocol error: TightVNC security: the server requires a tunnel (offered 1 "SICR/SCHANNEL") and tunnels are not supported',
    },
    {
        name: 'TightVNC security with only unknown authentication',
        server: concat(banner('003.008'), u8(1, 16), u32(0), u32(1), capability(129, 'TGHT', 'ULGNAUTH')),
        kind: 'auth',
        message: 'TightVNC security: the server offers no supported authentication (offered 129 "TGHT/ULGNAUTH")',
    },
    {
        name: 'a malformed banner',
        server: text('SSH-2.0-OpenSSH_9.2p1\r\n'),
        kind: 'protocol',
        message: 'protocol error: not an RFB server: it sent "SSH-2.0-Open" instead of a version banner',
    },
];

describe('handshake failures', () => {
    for (const scenario of FAILURES) {
        for (const chunking of [CHUNKINGS[0], CHUNKINGS[1], CHUNKINGS[2]]) {
            test(`${scenario.name}, delivered ${chunking.name}`, () => {
                const session = newSession(scenario.options);
                session.transport.serverSends(scenario.server, chunking.split);
                const errors = session.eventsOf('error');
                assert.equal(errors.length, 1);
                assert.equal(errors[0].message, scenario.message);
                assert.equal(errors[0].kind, scenario.kind);
                assert.deepEqual(session.eventsOf('disconnect'), [{ clean: false, reason: scenario.message }]);
                assert.equal(session.client.state, ClientState.DISCONNECTED);
                assert.equal(session.transport.closed, true);
                assert.equal(session.eventsOf('connect').length, 0);
            });
        }
    }

    test('the server closing during the handshake says where', () => {
        const session = newSession();
        session.transport.serverSends(concat(banner('003.008'), u8(1, 2)));
        session.transport.serverCloses();
        assert.deepEqual(session.eventsOf('disconnect'), [{ clean: false, reason: 'connection closed during Security' }]);
        assert.deepEqual(session.eventsOf('error'), []);
    });

    test('a server that never speaks', () => {
        const session = newSession();
        session.transport.serverCloses('backend unreachable');
        assert.deepEqual(session.eventsOf('disconnect'),
            [{ clean: false, reason: 'connection closed before the server said anything: backend unreachable' }]);
    });

    test('securityTypes must be ones the client supports', () => {
        assert.throws(() => newSession({ securityTypes: [19] }), TypeError);
        assert.throws(() => newSession({ securityTypes: [] }), TypeError);
    });

    test('a long failure reason is cut, not waited for in full', () => {
        const session = newSession();
        session.transport.serverSends(concat(banner('003.008'), u8(0), u32(100000), new Uint8Array(4096).fill(0x41)));
        const [error] = session.eventsOf('error');
        assert.equal(error.message, `the server refused the connection: ${'A'.repeat(4096)}`);
    });
});
