// SPDX-License-Identifier: Apache-2.0

import { concat } from './chunking.js';

/**
 * A Transport (see rfb-client.js) driven by the test: `serverSends(bytes, split)` delivers bytes
 * as the given chunking cuts them, and every message the client sends is kept in `sent`.
 */
export class FakeTransport {
    constructor() {
        this.receiver = null;
        /** @type {Uint8Array[]} */
        this.sent = [];
        this.closed = false;
        this.closeCalls = 0;
    }

    attach(receiver) {
        this.receiver = receiver;
    }

    send(bytes) {
        if (this.closed) {
            throw new Error('send on a closed transport');
        }
        this.sent.push(Uint8Array.from(bytes));
    }

    close() {
        this.closeCalls++;
        if (!this.closed) {
            this.closed = true;
            this.receiver.onClose({ reason: '' });
        }
    }

    /** Delivers bytes from the server, cut by `split` (default: whole). */
    serverSends(bytes, split = (b) => [b]) {
        for (const chunk of split(bytes)) {
            if (this.closed) {
                return;
            }
            // A copy, so nothing the client keeps aliases the test's buffers.
            this.receiver.onData(Uint8Array.from(chunk));
        }
    }

    /** The server ends the stream. */
    serverCloses(reason = '') {
        if (!this.closed) {
            this.closed = true;
            this.receiver.onClose({ reason });
        }
    }

    /** Everything the client sent, as one array. */
    sentBytes() {
        return concat(this.sent);
    }

    /** Everything sent since the last call to takeSent(), as one array. */
    takeSent() {
        const bytes = this.sentBytes();
        this.sent = [];
        return bytes;
    }
}
