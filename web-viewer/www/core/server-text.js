// SPDX-License-Identifier: Apache-2.0

/**
 * Text the server sends in the handshake: desktop names and reasons (the Java core's ServerText).
 * RFC 6143 leaves their charset open; modern servers send UTF-8, old ones Latin-1, so UTF-8 when
 * the bytes are valid UTF-8 and Latin-1 otherwise. QEMU counts a C string's NUL in the length:
 * trailing NULs are dropped.
 * @param {Uint8Array} bytes
 */
export function decodeServerText(bytes) {
    let length = bytes.length;
    while (length > 0 && bytes[length - 1] === 0) {
        length--;
    }
    const text = bytes.subarray(0, length);
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(text);
    } catch {
        return latin1(text);
    }
}

/** ISO 8859-1 text from bytes (TextDecoder's "latin1" is really windows-1252). */
export function latin1(bytes) {
    let text = '';
    for (let i = 0; i < bytes.length; i += 8192) {
        text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
    }
    return text;
}

/** Line ends as the viewers use them: CRLF and a lone CR become LF, once, here (the Java core's toLf). */
export function toLf(text) {
    return text.replace(/\r\n?/g, '\n');
}
