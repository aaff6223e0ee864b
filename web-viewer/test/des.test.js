// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Des } from '../www/core/security/des.js';
import { vncAuthKey, vncAuthResponse } from '../www/core/security/vnc-auth-security.js';

function hex(text) {
    return Uint8Array.from(text.match(/../g), (pair) => parseInt(pair, 16));
}

function toHex(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('DES', () => {
    // Classic published vectors; each was also checked with
    //   echo PLAIN | xxd -r -p | openssl enc -des-ecb -provider legacy -provider default -K KEY -nopad | xxd -p
    const vectors = [
        ['133457799bbcdff1', '0123456789abcdef', '85e813540f0ab405'], // the worked example of the textbooks
        ['0e329232ea6d0d73', '8787878787878787', '0000000000000000'],
        ['0000000000000000', '0000000000000000', '8ca64de9c1b123a7'],
        ['ffffffffffffffff', 'ffffffffffffffff', '7359b2163e4edc58'],
        ['0123456789abcdef', '4e6f772069732074', '3fa40e8a984d4815'], // "Now is t"
    ];
    for (const [key, plain, cipher] of vectors) {
        test(`key ${key}: ${plain} -> ${cipher} and back`, () => {
            const des = new Des(hex(key));
            assert.equal(toHex(des.encryptBlock(hex(plain))), cipher);
            assert.equal(toHex(des.decryptBlock(hex(cipher))), plain);
        });
    }

    test('wrong sizes are refused', () => {
        assert.throws(() => new Des(new Uint8Array(7)), RangeError);
        assert.throws(() => new Des(new Uint8Array(8)).encryptBlock(new Uint8Array(9)), RangeError);
    });
});

describe('VNC Authentication', () => {
    const challenge = hex('00112233445566778899aabbccddeeff');

    test('key bytes are mirrored bit by bit', () => {
        assert.equal(toHex(vncAuthKey('password')), '0e86ceceeef64e26');
        assert.equal(toHex(vncAuthKey('abc')), '8646c60000000000');
        assert.equal(toHex(vncAuthKey('')), '0000000000000000');
    });

    // Expected responses computed once outside this code: the mirrored key (with Python) then
    //   echo 00112233445566778899aabbccddeeff | xxd -r -p |
    //     openssl enc -des-ecb -provider legacy -provider default -K <key> -nopad | xxd -p
    test('response to a challenge', () => {
        assert.equal(toHex(vncAuthResponse('password', challenge)), 'b7b9c87777661a7a2299733209bfdfce');
        assert.equal(toHex(vncAuthResponse('abc', challenge)), 'e1a8537d7c1afaa13f975e73eaec5b88');
    });

    test('passwords are truncated to 8 characters', () => {
        assert.equal(toHex(vncAuthResponse('verylongpassword', challenge)), '13a013540e4fdac3a1b4a2c37837e64c');
        assert.deepEqual(vncAuthResponse('verylong', challenge), vncAuthResponse('verylongpassword', challenge));
    });
});
