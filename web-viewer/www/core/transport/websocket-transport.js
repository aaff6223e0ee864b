// SPDX-License-Identifier: Apache-2.0

/**
 * The RFB byte stream over a WebSocket, as websockify and the rfbridge proxy carry it: binary
 * messages only, split and joined anywhere. Implements the Transport of rfb-client.js.
 *
 * Bytes sent before the socket is open wait in order and go out on open; the client only
 * answers the server, so in practice nothing waits.
 */
export class WebSocketTransport {
    /**
     * @param {string} url ws: or wss: URL
     * @param {object} [options]
     * @param {string|string[]} [options.protocols] subprotocols to offer; none by default, as
     *   noVNC does (legacy websockify wants 'binary')
     * @param {typeof WebSocket} [options.WebSocket] the WebSocket class, for tests
     */
    constructor(url, { protocols, WebSocket: Socket = globalThis.WebSocket } = {}) {
        this._url = url;
        this._protocols = protocols;
        this._Socket = Socket;
        this._socket = null;
        this._receiver = null;
        /** @type {Uint8Array[]} */
        this._waiting = [];
        this._closed = false;
    }

    attach(receiver) {
        if (this._receiver !== null) {
            throw new Error('WebSocketTransport is already attached');
        }
        this._receiver = receiver;
        try {
            this._socket = this._protocols === undefined
                ? new this._Socket(this._url)
                : new this._Socket(this._url, this._protocols);
        } catch (error) {
            // A malformed URL throws here; report it like any other failure to connect.
            this._closed = true;
            queueMicrotask(() => receiver.onClose({ reason: `cannot open ${this._url}: ${error.message}` }));
            return;
        }
        const socket = this._socket;
        socket.binaryType = 'arraybuffer';
        socket.onopen = () => {
            for (const bytes of this._waiting) {
                socket.send(bytes);
            }
            this._waiting = [];
        };
        socket.onmessage = (event) => {
            if (typeof event.data === 'string') {
                this._finish(`the server sent a text message; RFB needs binary`, true);
                return;
            }
            receiver.onData(new Uint8Array(event.data));
        };
        // An error is always followed by close, which carries what little the browser tells.
        socket.onerror = () => {};
        socket.onclose = (event) => {
            const reason = event.reason || (event.wasClean ? '' : `WebSocket closed with code ${event.code}`);
            this._finish(reason, false, event.code);
        };
    }

    send(bytes) {
        if (this._closed || this._socket === null) {
            throw new Error('the connection is closed');
        }
        if (this._socket.readyState === this._Socket.CONNECTING) {
            this._waiting.push(bytes);
        } else {
            this._socket.send(bytes);
        }
    }

    close() {
        this._finish('', true);
    }

    /** Bytes handed to the socket and not yet sent, for pacing input. */
    get bufferedAmount() {
        return this._socket?.bufferedAmount ?? 0;
    }

    _finish(reason, closeSocket, code) {
        if (this._closed) {
            return;
        }
        this._closed = true;
        if (closeSocket && this._socket !== null) {
            try {
                this._socket.close();
            } catch {
                // already closing
            }
        }
        this._receiver?.onClose({ code, reason });
    }
}
