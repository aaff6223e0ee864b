// SPDX-License-Identifier: Apache-2.0

import { ErrorKind } from './error-codes.js';
import { RfbError } from './errors.js';

/**
 * The one place that turns a failure into what a user reads: one line, saying whose fault it is
 * (the Java core's Failures, word for word; the protocol test vectors hold both to the same lines).
 * Details such as stacks belong in the log.
 * @param {unknown} failure
 * @returns {string}
 */
export function describeFailure(failure) {
    const detail = oneLine(failure instanceof Error ? failure.message : String(failure));
    if (!(failure instanceof RfbError)) {
        return `internal error: ${detail}`;
    }
    switch (failure.kind) {
    case ErrorKind.PROTOCOL: return `protocol error: ${detail}`;
    case ErrorKind.REFUSED: return `the server refused the connection: ${detail}`;
    case ErrorKind.SECURITY: return `no common security type: ${detail}`;
    case ErrorKind.AUTH: return `authentication failed: ${detail}`;
    case ErrorKind.INTERNAL: return `internal error: ${detail}`;
    default: return detail;
    }
}

function oneLine(message) {
    return (message ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
