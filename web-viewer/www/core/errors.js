// SPDX-License-Identifier: Apache-2.0

import { kindOf } from './error-codes.js';

/**
 * Every failure of an RFB session (the Java core's RfbException and its subclasses): `code` is one
 * of ErrorCode, `kind` says whose fault it is, `message` the details. What the user reads is made
 * from them in one place, failures.js.
 */
export class RfbError extends Error {
    /**
     * @param {string} code one of ErrorCode
     * @param {string} message the details
     */
    constructor(code, message) {
        super(message);
        this.name = 'RfbError';
        this.code = code;
        this.kind = kindOf(code);
    }
}

/**
 * Quotes bytes from the server for an error message as the Java core does: printable ASCII as it
 * is, \n, \r, \" and \\ escaped, everything else as \xNN.
 */
export function quote(bytes) {
    let out = '';
    for (const code of bytes) {
        if (code === 0x0a) {
            out += '\\n';
        } else if (code === 0x0d) {
            out += '\\r';
        } else if (code === 0x22 || code === 0x5c) {
            out += '\\' + String.fromCharCode(code);
        } else if (code >= 0x20 && code < 0x7f) {
            out += String.fromCharCode(code);
        } else {
            out += '\\x' + code.toString(16).padStart(2, '0');
        }
    }
    return `"${out}"`;
}
