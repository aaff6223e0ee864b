// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from '../error-codes.js';
import { RfbError } from '../errors.js';
import { Des } from './des.js';
import { SecurityHandlerBase } from './security-handler.js';

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
 * answers with it encrypted under the password. Contract: see security-handler.js.
 */
export class VncAuthSecurity extends SecurityHandlerBase {
    constructor() {
        super(2);
        /** @type {Uint8Array|null} */
        this._challenge = null;
        this._asked = false;
    }

    process(input, out, credentials) {
        if (this._challenge === null) {
            if (!input.has(CHALLENGE_LENGTH)) {
                return false;
            }
            this._challenge = input.readBytes(CHALLENGE_LENGTH);
        }
        if (credentials.password === undefined) {
            if (credentials.cancelled) {
                throw new RfbError(ErrorCode.PASSWORD_REQUIRED, 'the server requires a VNC password and none was given');
            }
            if (!this._asked) {
                this._asked = true;
                credentials.request(['password']);
            }
            return false;
        }
        out.writeBytes(vncAuthResponse(credentials.password, this._challenge));
        return true;
    }

    authenticated() {
        return true;
    }
}
