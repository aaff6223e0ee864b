// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WebSocketTransport } from '../www/core/transport/websocket-transport.js';

/** Stands in for the browser's WebSocket; the test plays the network. */
class FakeSocket {
    static CONNECTING = 0;
    static OPEN = 1;
    static instances = [];

    constructor(url, protocols) {
        this.url = url;
        this.protocols = protocols;
        this.readyState = FakeSocket.CONNECTING;
        this.sent = [];
        this.closeCalls = 0;
        FakeSocket.instances.push(this);
    }

    send(bytes) {
        this.sent.push(Array.from(bytes));
    }

    close() {
        this.closeCalls++;
    }

    open() {
        this.readyState = FakeSocket.OPEN;
        this.onopen();
    }
}

function attached(options = {}) {
    const received = [];
    const closes = [];
    const transport = new WebSocketTransport('ws://example.test/websockify?token=abc', { WebSocket: FakeSocket, ...options });
    transport.attach({ onData: (bytes) => received.push(Array.from(bytes)), onClose: (info) => closes.push(info) });
    return { transport, socket: FakeSocket.instances.at(-1), received, closes };
}

describe('WebSocketTransport', () => {
    test('opens the URL as given, binary, with no subprotocol unless asked', () => {
        const { socket } = attached();
        assert.equal(socket.url, 'ws://example.test/websockify?token=abc');
        assert.equal(socket.protocols, undefined);
        assert.equal(socket.binaryType, 'arraybuffer');
        assert.deepEqual(attached({ protocols: ['binary'] }).socket.protocols, ['binary']);
    });

    test('passes binary messages on as bytes and sends in order, waiting for open', () => {
        const { transport, socket, received } = attached();
        transport.send(Uint8Array.of(1));
        transport.send(Uint8Array.of(2, 3));
        assert.deepEqual(socket.sent, []);
        socket.open();
        transport.send(Uint8Array.of(4));
        assert.deepEqual(socket.sent, [[1], [2, 3], [4]]);
        socket.onmessage({ data: Uint8Array.of(9, 8).buffer });
        assert.deepEqual(received, [[9, 8]]);
    });

    test('reports the close once, with the reason or the code', () => {
        const { socket, closes } = attached();
        socket.onerror({});
        socket.onclose({ code: 1006, reason: '', wasClean: false });
        socket.onclose({ code: 1006, reason: '', wasClean: false });
        assert.deepEqual(closes, [{ code: 1006, reason: 'WebSocket closed with code 1006' }]);
        const other = attached();
        other.socket.onclose({ code: 1011, reason: 'target unreachable', wasClean: true });
        assert.deepEqual(other.closes, [{ code: 1011, reason: 'target unreachable' }]);
    });

    test('a text message ends the stream', () => {
        const { socket, closes, received } = attached();
        socket.onmessage({ data: 'hello' });
        assert.deepEqual(received, []);
        assert.equal(closes.length, 1);
        assert.match(closes[0].reason, /text message/);
        assert.equal(socket.closeCalls, 1);
    });

    test('close() closes the socket, reports once, and later sends throw', () => {
        const { transport, socket, closes } = attached();
        socket.open();
        transport.close();
        socket.onclose({ code: 1000, reason: '', wasClean: true });
        assert.equal(socket.closeCalls, 1);
        assert.equal(closes.length, 1);
        assert.throws(() => transport.send(Uint8Array.of(1)), /closed/);
    });

    test('a URL the WebSocket constructor rejects is reported as a close', async () => {
        const closes = [];
        class Refusing {
            constructor() {
                throw new SyntaxError('bad URL');
            }
        }
        new WebSocketTransport('nonsense', { WebSocket: Refusing }).attach({ onData() {}, onClose: (info) => closes.push(info) });
        await Promise.resolve();
        assert.deepEqual(closes, [{ reason: 'cannot open nonsense: bad URL' }]);
    });
});
