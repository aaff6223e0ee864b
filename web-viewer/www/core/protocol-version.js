// SPDX-License-Identifier: Apache-2.0

import { RfbProtocolError, quote } from './errors.js';

/** Length of the ProtocolVersion banner (RFC 6143 section 7.1.1). */
export const BANNER_LENGTH = 12;

/**
 * Chooses the version to speak from the server's 12-byte banner. Returns the minor version of
 * 3.x, one of 3, 7 or 8.
 *
 * Real servers announce versions the RFC never defined: 3.5 (old clients of 3.3), 3.4 and 3.6
 * (UltraVNC), 3.889 (Apple Remote Desktop), 4.0 and 4.1 (RealVNC). Anything between 3.3 and 3.7
 * speaks 3.3, anything newer than 3.8 speaks 3.8, as the RFC tells clients to do.
 * @param {Uint8Array} banner exactly 12 bytes
 * @throws {RfbProtocolError} when the banner is not "RFB xxx.yyy\n" or names a version before 3.3
 */
export function negotiateVersion(banner) {
    const text = String.fromCharCode(...banner);
    const match = /^RFB (\d{3})\.(\d{3})\n$/.exec(text);
    if (match === null) {
        throw new RfbProtocolError(`not an RFB server: it sent ${quote(banner)} instead of a version banner`);
    }
    const major = Number(match[1]);
    const minor = Number(match[2]);
    if (major > 3) {
        return 8;
    }
    if (major < 3 || minor < 3) {
        throw new RfbProtocolError(`unsupported RFB version ${major}.${minor} (server sent ${quote(banner)})`);
    }
    if (minor < 7) {
        return 3;
    }
    return minor === 7 ? 7 : 8;
}
