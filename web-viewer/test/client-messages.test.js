// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as messages from '../www/core/client-messages.js';
import { RGBX32 } from '../www/core/pixel-format.js';

/* Expected bytes are written out by hand from RFC 6143, not computed with the code under test. */

function bytes(message) {
    return Array.from(message);
}

describe('client messages', () => {
    test('ProtocolVersion', () => {
        assert.deepEqual(bytes(messages.protocolVersion(8)), [0x52, 0x46, 0x42, 0x20, 0x30, 0x30, 0x33, 0x2e, 0x30, 0x30, 0x38, 0x0a]);
        assert.equal(new TextDecoder().decode(messages.protocolVersion(3)), 'RFB 003.003\n');
        assert.equal(new TextDecoder().decode(messages.protocolVersion(7)), 'RFB 003.007\n');
        assert.throws(() => messages.protocolVersion(5), RangeError);
    });

    test('security type choice and TightVNC u32 choice', () => {
        assert.deepEqual(bytes(messages.securityType(2)), [2]);
        assert.deepEqual(bytes(messages.u32(0x01020304)), [1, 2, 3, 4]);
        assert.deepEqual(bytes(messages.u32(0)), [0, 0, 0, 0]);
        assert.throws(() => messages.securityType(0), RangeError);
    });

    test('ClientInit', () => {
        assert.deepEqual(bytes(messages.clientInit(true)), [1]);
        assert.deepEqual(bytes(messages.clientInit(false)), [0]);
    });

    test('SetPixelFormat asks for 32-bit little-endian true colour, red in the low byte', () => {
        assert.deepEqual(bytes(messages.setPixelFormat(RGBX32)), [
            0, 0, 0, 0, // message-type, padding
            32, 24, 0, 1, // bits-per-pixel, depth, big-endian-flag, true-colour-flag
            0, 255, 0, 255, 0, 255, // red-max, green-max, blue-max
            0, 8, 16, // red-shift, green-shift, blue-shift
            0, 0, 0, // padding
        ]);
    });

    test('SetEncodings with negative pseudo-encodings', () => {
        assert.deepEqual(bytes(messages.setEncodings([1, 0, -223, -224, -239])), [
            2, 0, 0, 5,
            0, 0, 0, 1,
            0, 0, 0, 0,
            0xff, 0xff, 0xff, 0x21,
            0xff, 0xff, 0xff, 0x20,
            0xff, 0xff, 0xff, 0x11,
        ]);
        assert.deepEqual(bytes(messages.setEncodings([])), [2, 0, 0, 0]);
    });

    test('FramebufferUpdateRequest', () => {
        assert.deepEqual(bytes(messages.framebufferUpdateRequest(true, 1, 2, 1920, 1080)),
            [3, 1, 0, 1, 0, 2, 0x07, 0x80, 0x04, 0x38]);
        assert.deepEqual(bytes(messages.framebufferUpdateRequest(false, 0, 0, 65535, 0)),
            [3, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0]);
        assert.throws(() => messages.framebufferUpdateRequest(true, 0, 0, 65536, 1), RangeError);
        assert.throws(() => messages.framebufferUpdateRequest(true, -1, 0, 1, 1), RangeError);
    });

    test('KeyEvent', () => {
        assert.deepEqual(bytes(messages.keyEvent(true, 0xffe1)), [4, 1, 0, 0, 0, 0, 0xff, 0xe1]);
        assert.deepEqual(bytes(messages.keyEvent(false, 0x010020ac)), [4, 0, 0, 0, 0x01, 0x00, 0x20, 0xac]);
        assert.throws(() => messages.keyEvent(true, -1), RangeError);
    });

    test('PointerEvent', () => {
        assert.deepEqual(bytes(messages.pointerEvent(0b101, 300, 2)), [5, 5, 0x01, 0x2c, 0, 2]);
        assert.throws(() => messages.pointerEvent(256, 0, 0), RangeError);
    });

    test('ClientCutText in Latin-1, "?" for the rest, CRLF as LF', () => {
        assert.deepEqual(bytes(messages.clientCutText('hé\r\n€😀')), [
            6, 0, 0, 0, 0, 0, 0, 5,
            0x68, 0xe9, 0x0a, 0x3f, 0x3f,
        ]);
        assert.deepEqual(bytes(messages.clientCutText('')), [6, 0, 0, 0, 0, 0, 0, 0]);
    });
});
