// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from '../error-codes.js';
import { RfbError } from '../errors.js';
import { MAX_TIGHT_CAPABILITIES } from '../limits.js';
import { NoneSecurity } from './none-security.js';
import { SecurityHandlerBase } from './security-handler.js';
import { VncAuthSecurity } from './vnc-auth-security.js';

/** Length of a TightVNC capability record: s32 code, 4-byte vendor, 8-byte name. */
const CAPABILITY_SIZE = 16;
/** Capabilities kept for messages. */
const MAX_LISTED = 16;

export const NO_TUNNEL = 0;
export const AUTH_NONE = 1;
export const AUTH_VNC = 2;

const State = Object.freeze({
    TUNNEL_COUNT: 'TUNNEL_COUNT',
    TUNNEL_CAPS: 'TUNNEL_CAPS',
    AUTH_COUNT: 'AUTH_COUNT',
    AUTH_CAPS: 'AUTH_CAPS',
    INNER: 'INNER',
    DONE: 'DONE',
});

/**
 * TightVNC's security type 16, as TightVNC 1.3 servers (Xtightvnc) offer it: the Java core's
 * TightSecurity. The server lists tunnelling capabilities (the client picks "no tunnelling", code
 * 0), then authentication capabilities (the client picks None or VNC Authentication, which then
 * runs as usual). Choosing this type also switches on TightVNC's protocol extensions: the server
 * sends its capability lists after ServerInit. Capabilities are read one at a time and their
 * counts are capped, so the server's numbers never size an allocation or a wait.
 * Contract: see security-handler.js.
 */
export class TightSecurity extends SecurityHandlerBase {
    constructor() {
        super(16);
        this._state = State.TUNNEL_COUNT;
        this._remaining = 0;
        this._sawNoTunnel = false;
        this._sawAuthNone = false;
        this._sawAuthVnc = false;
        /** @type {string[]} */
        this._offered = [];
        this._inner = null;
    }

    process(input, out, credentials) {
        for (;;) {
            switch (this._state) {
            case State.TUNNEL_COUNT:
                if (!input.has(4)) {
                    return false;
                }
                this._remaining = readCount(input, 'tunnels');
                this._state = this._remaining === 0 ? State.AUTH_COUNT : State.TUNNEL_CAPS;
                break;
            case State.TUNNEL_CAPS:
                if (!input.has(CAPABILITY_SIZE)) {
                    return false;
                }
                this._sawNoTunnel ||= this._readCapability(input) === NO_TUNNEL;
                if (--this._remaining === 0) {
                    if (!this._sawNoTunnel) {
                        throw this._unsupported('tunnels');
                    }
                    out.writeU32(NO_TUNNEL); // tunnel type
                    this._offered = [];
                    this._state = State.AUTH_COUNT;
                }
                break;
            case State.AUTH_COUNT:
                if (!input.has(4)) {
                    return false;
                }
                this._remaining = readCount(input, 'authentication types');
                if (this._remaining === 0) {
                    // The server requires no authentication and sends no choice to make.
                    this._inner = new NoneSecurity();
                    this._state = State.DONE;
                    return true;
                }
                this._state = State.AUTH_CAPS;
                break;
            case State.AUTH_CAPS: {
                if (!input.has(CAPABILITY_SIZE)) {
                    return false;
                }
                const code = this._readCapability(input);
                this._sawAuthNone ||= code === AUTH_NONE;
                this._sawAuthVnc ||= code === AUTH_VNC;
                if (--this._remaining === 0) {
                    this._chooseAuthentication(out);
                    this._state = State.INNER;
                }
                break;
            }
            case State.INNER:
                if (!this._inner.process(input, out, credentials)) {
                    return false;
                }
                this._state = State.DONE;
                return true;
            default:
                return true;
            }
        }
    }

    authenticated() {
        return this._inner !== null && this._inner.authenticated();
    }

    enablesTightExtensions() {
        return true;
    }

    _chooseAuthentication(out) {
        if (this._sawAuthNone) {
            out.writeU32(AUTH_NONE); // authentication type
            this._inner = new NoneSecurity();
        } else if (this._sawAuthVnc) {
            out.writeU32(AUTH_VNC); // authentication type
            this._inner = new VncAuthSecurity();
        } else {
            throw this._unsupported('authentication types');
        }
    }

    _unsupported(what) {
        return new RfbError(ErrorCode.NO_COMMON_SECURITY,
            `TightVNC security offers only the ${what} ${this._offered.join(', ')}, none of which this client supports`);
    }

    /** Reads one capability, remembers it for messages and returns its code. */
    _readCapability(input) {
        const code = input.readS32();
        const vendor = printable(input.readBytes(4));
        const name = printable(input.readBytes(8));
        if (this._offered.length < MAX_LISTED) {
            this._offered.push(`${vendor}/${name} (${code})`);
        }
        return code;
    }
}

/** A capability count, refused at once when larger than any server sends, instead of read for minutes. */
function readCount(input, what) {
    const count = input.readU32();
    if (count > MAX_TIGHT_CAPABILITIES) {
        throw new RfbError(ErrorCode.LENGTH_OVER_LIMIT,
            `TightVNC security lists ${count} ${what}, more than the ${MAX_TIGHT_CAPABILITIES} accepted`);
    }
    return count;
}

function printable(bytes) {
    return bytes.every((b) => b >= 0x20 && b < 0x7f) ? String.fromCharCode(...bytes) : '?';
}
