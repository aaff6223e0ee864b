// SPDX-License-Identifier: Apache-2.0

import { Des } from './des.js';

/** Length of the server's challenge and of the client's response. */
export const CHALLENGE_LENGTH = 16;

/**
 * The DES key made from a VNC password: its first 8 bytes (UTF-8, which is what `vncpasswd`
 * stores from a UTF-8 terminal; the same as Latin-1 for ASCII), zero-padded, each byte with its
 * bits in reverse order. The reversal is how the original VNC fed keys to its DES code; every
 * server expects it (see the errata of RFC 6143, whose text leaves it out).
 * @returns {Uint8Array} 8 bytes
 */
export function vncAuthKey(password) {
    const bytes = new TextEncoder().encode(password).subarray(0, 8);
    const key = new Uint8Array(8);
    bytes.forEach((byte, i) => {
        let mirrored = 0;
        for (let bit = 0; bit < 8; bit++) {
            mirrored |= ((byte >> bit) & 1) << (7 - bit);
        }
        key[i] = mirrored;
    });
    return key;
}

/**
 * The response to a VNC Authentication challenge: the 16 challenge bytes encrypted with DES in
 * ECB mode under vncAuthKey(password).
 * @param {string} password
 * @param {Uint8Array} challenge 16 bytes
 * @returns {Uint8Array} 16 bytes
 */
export function vncAuthResponse(password, challenge) {
    if (challenge.length !== CHALLENGE_LENGTH) {
        throw new RangeError(`VNC challenge must be ${CHALLENGE_LENGTH} bytes, not ${challenge.length}`);
    }
    const des = new Des(vncAuthKey(password));
    const response = new Uint8Array(CHALLENGE_LENGTH);
    response.set(des.encryptBlock(challenge.subarray(0, 8)), 0);
    response.set(des.encryptBlock(challenge.subarray(8, 16)), 8);
    return response;
}

/**
 * VNC Authentication (RFC 6143 section 7.2.2): the server sends a 16-byte challenge, the client
 * answers with it encrypted under the password.
 *
 * Every security handler has this shape:
 * - `step(queue, session)` runs on the client's message loop each time bytes arrive or
 *   credentials are given. It returns true when the handler's part of the handshake is over,
 *   false when it needs more bytes or is waiting for credentials (then it calls
 *   `session.requestCredentials(types)` once and is stepped again after they are given).
 *   It throws RfbProtocolError or RfbAuthError on bad input.
 * - `session` offers `send(bytes)`, `password` (undefined until given) and
 *   `requestCredentials(types)`.
 * - `resultFollows(minorVersion)` says whether the server sends a SecurityResult afterwards.
 */
export class VncAuthSecurity {
    constructor() {
        /** @type {Uint8Array|null} */
        this._challenge = null;
        this._asked = false;
    }

    step(queue, session) {
        if (this._challenge === null) {
            if (!queue.has(CHALLENGE_LENGTH)) {
                return false;
            }
            this._challenge = queue.readBytes(CHALLENGE_LENGTH);
        }
        if (session.password === undefined) {
            if (!this._asked) {
                this._asked = true;
                session.requestCredentials(['password']);
            }
            return false;
        }
        session.send(vncAuthResponse(session.password, this._challenge));
        return true;
    }

    resultFollows() {
        return true;
    }
}
