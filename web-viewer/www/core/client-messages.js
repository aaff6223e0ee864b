// SPDX-License-Identifier: Apache-2.0

import { writePixelFormat } from './pixel-format.js';

/*
 * One function per client-to-server message (RFC 6143 section 7.5, and the handshake messages of
 * section 7.1-7.3). Each returns the exact bytes of one message, fields in wire order; multi-byte
 * numbers are big-endian. Arguments out of range throw RangeError: they are bugs in the caller,
 * never data from the server.
 */

/** Client message type numbers (RFC 6143 section 7.5). */
export const ClientMessageType = Object.freeze({
    SET_PIXEL_FORMAT: 0,
    SET_ENCODINGS: 2,
    FRAMEBUFFER_UPDATE_REQUEST: 3,
    KEY_EVENT: 4,
    POINTER_EVENT: 5,
    CLIENT_CUT_TEXT: 6,
});

function checkRange(value, min, max, what) {
    if (!Number.isInteger(value) || value < min || value > max) {
        throw new RangeError(`${what} ${value} outside ${min}..${max}`);
    }
}

function putU16(bytes, offset, value) {
    bytes[offset] = value >> 8;
    bytes[offset + 1] = value & 0xff;
}

function putU32(bytes, offset, value) {
    bytes[offset] = (value >>> 24) & 0xff;
    bytes[offset + 1] = (value >>> 16) & 0xff;
    bytes[offset + 2] = (value >>> 8) & 0xff;
    bytes[offset + 3] = value & 0xff;
}

/** ProtocolVersion (7.1.1): the 12-byte banner "RFB 003.00m\n" for version 3.minor. */
export function protocolVersion(minor) {
    if (![3, 7, 8].includes(minor)) {
        throw new RangeError(`protocol version 3.${minor} is not one a client may send`);
    }
    return new TextEncoder().encode(`RFB 003.00${minor}\n`);
}

/** The client's choice of security type (7.1.2, versions 3.7 and 3.8): one byte. */
export function securityType(type) {
    checkRange(type, 1, 255, 'security type');
    return Uint8Array.of(type);
}

/** A big-endian u32 on its own, as TightVNC security (type 16) sends its choices. */
export function u32(value) {
    checkRange(value, 0, 0xffffffff, 'u32');
    const bytes = new Uint8Array(4);
    putU32(bytes, 0, value);
    return bytes;
}

/** ClientInit (7.3.1): shared-flag. */
export function clientInit(shared) {
    return Uint8Array.of(shared ? 1 : 0);
}

/** SetPixelFormat (7.5.1). */
export function setPixelFormat(pf) {
    const bytes = new Uint8Array(20);
    bytes[0] = ClientMessageType.SET_PIXEL_FORMAT;
    // bytes 1-3: padding
    writePixelFormat(pf, bytes, 4);
    return bytes;
}

/** SetEncodings (7.5.2): encodings in order of preference, signed 32-bit each. */
export function setEncodings(encodings) {
    checkRange(encodings.length, 0, 0xffff, 'number of encodings');
    const bytes = new Uint8Array(4 + 4 * encodings.length);
    bytes[0] = ClientMessageType.SET_ENCODINGS;
    // byte 1: padding
    putU16(bytes, 2, encodings.length); // number-of-encodings
    encodings.forEach((encoding, i) => {
        checkRange(encoding, -0x80000000, 0x7fffffff, 'encoding');
        putU32(bytes, 4 + 4 * i, encoding >>> 0); // encoding-type
    });
    return bytes;
}

/** FramebufferUpdateRequest (7.5.3). */
export function framebufferUpdateRequest(incremental, x, y, width, height) {
    checkRange(x, 0, 0xffff, 'x');
    checkRange(y, 0, 0xffff, 'y');
    checkRange(width, 0, 0xffff, 'width');
    checkRange(height, 0, 0xffff, 'height');
    const bytes = new Uint8Array(10);
    bytes[0] = ClientMessageType.FRAMEBUFFER_UPDATE_REQUEST;
    bytes[1] = incremental ? 1 : 0;
    putU16(bytes, 2, x);
    putU16(bytes, 4, y);
    putU16(bytes, 6, width);
    putU16(bytes, 8, height);
    return bytes;
}

/** KeyEvent (7.5.4): an X11 keysym going down or up. */
export function keyEvent(down, keysym) {
    checkRange(keysym, 0, 0xffffffff, 'keysym');
    const bytes = new Uint8Array(8);
    bytes[0] = ClientMessageType.KEY_EVENT;
    bytes[1] = down ? 1 : 0; // down-flag
    // bytes 2-3: padding
    putU32(bytes, 4, keysym);
    return bytes;
}

/**
 * PointerEvent (7.5.5): buttonMask bit 0 is the left button, 1 middle, 2 right, 3 and 4 the
 * vertical wheel up and down, 5 and 6 the horizontal wheel left and right.
 */
export function pointerEvent(buttonMask, x, y) {
    checkRange(buttonMask, 0, 0xff, 'button mask');
    checkRange(x, 0, 0xffff, 'x');
    checkRange(y, 0, 0xffff, 'y');
    const bytes = new Uint8Array(6);
    bytes[0] = ClientMessageType.POINTER_EVENT;
    bytes[1] = buttonMask;
    putU16(bytes, 2, x);
    putU16(bytes, 4, y);
    return bytes;
}

/**
 * ClientCutText (7.5.6). The protocol carries Latin-1 only: characters outside it become "?",
 * and line ends become "\n" as the RFC asks.
 */
export function clientCutText(text) {
    const normalised = text.replace(/\r\n?/g, '\n');
    const bytes = new Uint8Array(8 + normalised.length);
    bytes[0] = ClientMessageType.CLIENT_CUT_TEXT;
    // bytes 1-3: padding
    let length = 0;
    for (const ch of normalised) {
        const code = ch.codePointAt(0);
        bytes[8 + length++] = code <= 0xff ? code : 0x3f;
    }
    putU32(bytes, 4, length);
    return bytes.subarray(0, 8 + length);
}
