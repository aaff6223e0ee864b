// SPDX-License-Identifier: Apache-2.0

/**
 * The server sent something the protocol does not allow, or something this client does not
 * support (an unknown message or encoding, a rectangle outside the framebuffer, an oversized
 * length). The message says what was wrong and is shown to the user as it is.
 */
export class RfbProtocolError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RfbProtocolError';
    }
}

/**
 * The server refused the connection or the credentials. `message` is the server's own reason
 * when it sent one.
 */
export class RfbAuthError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RfbAuthError';
    }
}

/**
 * Quotes bytes or text from the server for an error message: printable ASCII as it is, the rest
 * as escapes, at most `max` characters, so a hostile server cannot flood the status line.
 */
export function quote(textOrBytes, max = 64) {
    const codes = typeof textOrBytes === 'string'
        ? Array.from(textOrBytes, (ch) => ch.codePointAt(0))
        : Array.from(textOrBytes);
    let out = '';
    for (const code of codes.slice(0, max)) {
        if (code === 0x0a) {
            out += '\\n';
        } else if (code === 0x22 || code === 0x5c) {
            out += '\\' + String.fromCharCode(code);
        } else if (code >= 0x20 && code < 0x7f) {
            out += String.fromCharCode(code);
        } else if (code <= 0xff) {
            out += '\\x' + code.toString(16).padStart(2, '0');
        } else {
            out += '\\u{' + code.toString(16) + '}';
        }
    }
    return '"' + out + (codes.length > max ? '...' : '') + '"';
}
