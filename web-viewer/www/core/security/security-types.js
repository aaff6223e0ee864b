// SPDX-License-Identifier: Apache-2.0

/** Security type numbers (RFC 6143 section 7.1.2 and the IANA registry). */
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
    MS_LOGON_II: 113,
    APPLE_ARD: 30,
});

const NAMES = new Map(Object.entries({
    0: 'Invalid', 1: 'None', 2: 'VNC Authentication', 5: 'RA2', 6: 'RA2ne', 16: 'Tight',
    17: 'Ultra', 18: 'TLS', 19: 'VeNCrypt', 20: 'SASL', 21: 'MD5', 22: 'xvp', 30: 'Apple ARD',
    113: 'MS-Logon II',
}).map(([number, name]) => [Number(number), name]));

/** "VNC Authentication (2)", or "security type 99" when unknown; for logs and errors. */
export function securityTypeName(type) {
    const name = NAMES.get(type);
    return name === undefined ? `security type ${type}` : `${name} (${type})`;
}
