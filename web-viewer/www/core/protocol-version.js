// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from './error-codes.js';
import { RfbError, quote } from './errors.js';

/** Length of the ProtocolVersion banner (RFC 6143 section 7.1.1). */
export const BANNER_LENGTH = 12;

/**
 * An RFB protocol version, as announced in the 12-byte banner "RFB xxx.yyy\n" (the Java core's
 * ProtocolVersion).
 */
export class ProtocolVersion {
    constructor(major, minor) {
        this.major = major;
        this.minor = minor;
    }

    /**
     * Parses a server's banner.
     * @param {Uint8Array} banner 12 bytes
     * @throws {RfbError} bad-version, quoting the banner, when it is not "RFB xxx.yyy\n"
     */
    static parseBanner(banner) {
        const text = String.fromCharCode(...banner);
        const match = /^RFB (\d{3})\.(\d{3})\n$/.exec(text);
        if (banner.length !== BANNER_LENGTH || match === null) {
            throw new RfbError(ErrorCode.BAD_VERSION,
                `not an RFB server: expected a banner like "RFB 003.008\\n" but got ${quote(banner)}`);
        }
        return new ProtocolVersion(Number(match[1]), Number(match[2]));
    }

    /**
     * The version this client speaks with a server announcing this one: 3.3 for 3.3 to 3.6 (3.5
     * was never published and servers announcing it mean 3.3; UltraVNC announces 3.4 and 3.6),
     * 3.7, and 3.8 for 3.8 and anything later, including 3.889 (Apple) and 4.x (RealVNC).
     * @throws {RfbError} bad-version for versions before 3.3, which no server speaks
     */
    negotiate() {
        if (!this.atLeast(V3_3)) {
            throw new RfbError(ErrorCode.BAD_VERSION, `the server speaks RFB ${this}, older than 3.3`);
        }
        if (this.major > 3 || this.minor >= 8) {
            return V3_8;
        }
        return this.minor === 7 ? V3_7 : V3_3;
    }

    atLeast(other) {
        return this.major > other.major || (this.major === other.major && this.minor >= other.minor);
    }

    equals(other) {
        return this.major === other.major && this.minor === other.minor;
    }

    /** The 12-byte banner announcing this version. */
    banner() {
        const digits = (n) => String(n).padStart(3, '0');
        return new TextEncoder().encode(`RFB ${digits(this.major)}.${digits(this.minor)}\n`);
    }

    toString() {
        return `${this.major}.${this.minor}`;
    }
}

export const V3_3 = Object.freeze(new ProtocolVersion(3, 3));
export const V3_7 = Object.freeze(new ProtocolVersion(3, 7));
export const V3_8 = Object.freeze(new ProtocolVersion(3, 8));
