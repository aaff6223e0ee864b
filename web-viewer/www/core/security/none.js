// SPDX-License-Identifier: Apache-2.0

/**
 * Security type None (RFC 6143 section 7.2.1): nothing is exchanged.
 * Security handlers share one shape, see vnc-auth.js for the contract.
 */
export class NoneSecurity {
    step() {
        return true;
    }

    /** Only version 3.8 sends a SecurityResult after None. */
    resultFollows(minorVersion) {
        return minorVersion >= 8;
    }
}
