// SPDX-License-Identifier: Apache-2.0

import { connect } from 'node:net';

/** A Transport (see rfb-client.js) over plain TCP, for tests against real VNC servers. */
export class TcpTransport {
    constructor(port, host = '127.0.0.1') {
        this._port = port;
        this._host = host;
        this._socket = null;
        this._closed = false;
    }

    attach(receiver) {
        this._receiver = receiver;
        const socket = connect({ port: this._port, host: this._host });
        this._socket = socket;
        socket.on('data', (data) => receiver.onData(new Uint8Array(data.buffer, data.byteOffset, data.length)));
        socket.on('error', (error) => this._finish(error.message));
        socket.on('close', () => this._finish(''));
    }

    send(bytes) {
        if (this._closed) {
            throw new Error('the connection is closed');
        }
        this._socket.write(bytes);
    }

    close() {
        this._socket?.destroy();
        this._finish('');
    }

    _finish(reason) {
        if (!this._closed) {
            this._closed = true;
            this._receiver.onClose({ reason });
        }
    }
}
