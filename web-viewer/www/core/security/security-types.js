// SPDX-License-Identifier: Apache-2.0

import { NoneSecurity } from './none-security.js';
import { TightSecurity } from './tight-security.js';
import { VncAuthSecurity } from './vnc-auth-security.js';

/**
 * Security type numbers (RFC 6143 section 7.2 and the IANA registry), their names, and the factory
 * of handlers for the supported ones: the Java core's SecurityTypes.
 */
export const SecurityType = Object.freeze({
    INVALID: 0,
    NONE: 1,
    VNC_AUTH: 2,
    RA2: 5,
    RA2NE: 6,
    TIGHT: 16,
    ULTRA: 17,
    TLS: 18,
    VENCRYPT: 19,
    SASL: 20,
    MD5: 21,
    XVP: 22,
    ARD: 30,
    MS_LOGON_2: 113,
});

const NAMES = new Map([
    [0, 'Invalid'], [1, 'None'], [2, 'VNC Authentication'], [5, 'RA2'], [6, 'RA2ne'], [16, 'Tight'],
    [17, 'Ultra'], [18, 'TLS'], [19, 'VeNCrypt'], [20, 'SASL'], [21, 'MD5 hash'], [22, 'xvp'],
    [30, 'Apple Remote Desktop'], [113, 'MS-Logon II'],
]);

/**
 * The types this client implements, in the order it prefers by default: None needs no password,
 * and TightVNC's type only wraps the other two. The Java core has the same list and order.
 */
export const SUPPORTED_SECURITY_TYPES = Object.freeze([SecurityType.NONE, SecurityType.VNC_AUTH, SecurityType.TIGHT]);

/** The type's name, for example "VNC Authentication", or "unknown". */
export function securityTypeName(type) {
    return NAMES.get(type) ?? 'unknown';
}

/** For example "VNC Authentication (2)"; type may be any u32 from the wire. */
export function describeSecurityType(type) {
    return `${securityTypeName(type)} (${type})`;
}

/** A handler for a supported type. */
export function createSecurityHandler(type) {
    switch (type) {
    case SecurityType.NONE: return new NoneSecurity();
    case SecurityType.VNC_AUTH: return new VncAuthSecurity();
    case SecurityType.TIGHT: return new TightSecurity();
    default: throw new RangeError(`unsupported security type ${describeSecurityType(type)}`);
    }
}
