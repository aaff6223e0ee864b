// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RfbProtocolError } from '../www/core/errors.js';
import { negotiateVersion } from '../www/core/protocol-version.js';
import { ascii } from '../test-support/server-messages.js';

describe('version banner', () => {
    const cases = [
        ['RFB 003.003\n', 3],
        ['RFB 003.007\n', 7],
        ['RFB 003.008\n', 8],
        ['RFB 003.005\n', 3], // old servers that mean 3.3
        ['RFB 003.004\n', 3],
        ['RFB 003.006\n', 3], // UltraVNC
        ['RFB 003.889\n', 8], // Apple Remote Desktop
        ['RFB 004.000\n', 8], // RealVNC
        ['RFB 004.001\n', 8],
        ['RFB 005.000\n', 8],
    ];
    for (const [text, minor] of cases) {
        test(`${JSON.stringify(text)} -> 3.${minor}`, () => {
            assert.equal(negotiateVersion(ascii(text)), minor);
        });
    }

    test('a malformed banner is an error that quotes it', () => {
        assert.throws(() => negotiateVersion(ascii('HTTP/1.1 400')),
            (error) => error instanceof RfbProtocolError && error.message.includes('"HTTP/1.1 400"'));
        assert.throws(() => negotiateVersion(ascii('RFB 003.008 ')),
            (error) => error instanceof RfbProtocolError && error.message.includes('"RFB 003.008 "'));
        assert.throws(() => negotiateVersion(Uint8Array.of(0x52, 0x46, 0x42, 0, 1, 2, 3, 4, 5, 6, 7, 0xff)),
            (error) => error.message.includes('"RFB\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\xff"'));
    });

    test('versions before 3.3 are refused', () => {
        assert.throws(() => negotiateVersion(ascii('RFB 002.009\n')), /unsupported RFB version 2.9/);
        assert.throws(() => negotiateVersion(ascii('RFB 003.002\n')), /unsupported RFB version 3.2/);
    });
});
