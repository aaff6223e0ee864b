// SPDX-License-Identifier: Apache-2.0

import { RfbAuthError, RfbProtocolError, quote } from '../errors.js';
import { u32 } from '../client-messages.js';
import { NoneSecurity } from './none.js';
import { VncAuthSecurity } from './vnc-auth.js';

/** Length of a TightVNC capability record: s32 code, 4-byte vendor, 8-byte signature. */
const CAPABILITY_LENGTH = 16;

const NO_TUNNEL = 0;
const AUTH_NONE = 1;
const AUTH_VNC = 2;

const Phase = Object.freeze({
    TUNNEL_COUNT: 'TunnelCount',
    TUNNEL_CAPABILITIES: 'TunnelCapabilities',
    AUTH_COUNT: 'AuthCount',
    AUTH_CAPABILITIES: 'AuthCapabilities',
    INNER: 'Inner',
});

function readCapability(queue) {
    const code = queue.readS32();
    const name = String.fromCharCode(...queue.readBytes(4)) + '/' + String.fromCharCode(...queue.readBytes(8));
    return { code, name };
}

/**
 * TightVNC security type 16 (as Xtightvnc and TurboVNC offer it): the server lists tunnel types,
 * then authentication types, each as capability records; the client picks "no tunnel" and then
 * None or VNC Authentication, which runs as it would on its own. Capability records are read one at
 * a time, so a hostile count costs time, not memory.
 *
 * A connection that used this type also gets capability lists after ServerInit; the client skips
 * them (see `extendsServerInit`). Contract of step/resultFollows: see VncAuthSecurity.
 */
export class TightSecurity {
    constructor() {
        this._phase = Phase.TUNNEL_COUNT;
        this._left = 0;
        this._offered = [];
        this._offeredCodes = new Set();
        /** @type {NoneSecurity|VncAuthSecurity|null} */
        this._inner = null;
        this.extendsServerInit = true;
    }

    step(queue, session) {
        for (;;) {
            switch (this._phase) {
            case Phase.TUNNEL_COUNT:
                if (!queue.has(4)) {
                    return false;
                }
                this._left = queue.readU32();
                this._forgetOffered();
                this._phase = this._left === 0 ? Phase.AUTH_COUNT : Phase.TUNNEL_CAPABILITIES;
                break;

            case Phase.TUNNEL_CAPABILITIES:
                while (this._left > 0) {
                    if (!queue.has(CAPABILITY_LENGTH)) {
                        return false;
                    }
                    this._remember(readCapability(queue));
                    this._left--;
                }
                if (!this._offeredCodes.has(NO_TUNNEL)) {
                    throw new RfbProtocolError('TightVNC security: the server requires a tunnel ' +
                        `(offered ${this._describeOffered()}) and tunnels are not supported`);
                }
                session.send(u32(NO_TUNNEL));
                this._phase = Phase.AUTH_COUNT;
                break;

            case Phase.AUTH_COUNT:
                if (!queue.has(4)) {
                    return false;
                }
                this._left = queue.readU32();
                this._forgetOffered();
                if (this._left === 0) {
                    // An empty list means the server wants no authentication at all.
                    this._inner = new NoneSecurity();
                    this._phase = Phase.INNER;
                } else {
                    this._phase = Phase.AUTH_CAPABILITIES;
                }
                break;

            case Phase.AUTH_CAPABILITIES:
                while (this._left > 0) {
                    if (!queue.has(CAPABILITY_LENGTH)) {
                        return false;
                    }
                    this._remember(readCapability(queue));
                    this._left--;
                }
                this._inner = this._chooseAuth(session);
                this._phase = Phase.INNER;
                break;

            case Phase.INNER:
                return this._inner.step(queue, session);

            default:
                throw new Error(`TightVNC security in unknown phase ${this._phase}`);
            }
        }
    }

    resultFollows(minorVersion) {
        return this._inner.resultFollows(minorVersion);
    }

    _forgetOffered() {
        this._offered = [];
        this._offeredCodes.clear();
    }

    _remember(capability) {
        if ([NO_TUNNEL, AUTH_NONE, AUTH_VNC].includes(capability.code)) {
            this._offeredCodes.add(capability.code);
        }
        // Only the first few are kept for the error message.
        if (this._offered.length < 16) {
            this._offered.push(capability);
        }
    }

    _chooseAuth(session) {
        if (this._offeredCodes.has(AUTH_NONE)) {
            session.send(u32(AUTH_NONE));
            return new NoneSecurity();
        }
        if (this._offeredCodes.has(AUTH_VNC)) {
            session.send(u32(AUTH_VNC));
            return new VncAuthSecurity();
        }
        throw new RfbAuthError('TightVNC security: the server offers no supported authentication ' +
            `(offered ${this._describeOffered()})`);
    }

    _describeOffered() {
        return this._offered.map((cap) => `${cap.code} ${quote(cap.name, 13)}`).join(', ') || 'none';
    }
}
