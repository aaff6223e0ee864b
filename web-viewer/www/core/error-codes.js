// SPDX-License-Identifier: Apache-2.0

/**
 * Why a session failed, as stable codes shared with the Java core (org.rfbridge.rfb.ErrorCode) and
 * named by the protocol test vectors (protocol-tests/error-codes.json, which a test compares with
 * this table). The kind decides the words in front of the details (see failures.js).
 */
export const ErrorCode = Object.freeze({
    BAD_VERSION: 'bad-version',
    CONNECTION_REFUSED: 'connection-refused',
    NO_COMMON_SECURITY: 'no-common-security',
    PASSWORD_REQUIRED: 'password-required',
    AUTH_FAILED: 'auth-failed',
    LENGTH_OVER_LIMIT: 'length-over-limit',
    BAD_FRAMEBUFFER_SIZE: 'bad-framebuffer-size',
    BAD_PIXEL_FORMAT: 'bad-pixel-format',
    RECT_OUT_OF_BOUNDS: 'rect-out-of-bounds',
    UNKNOWN_ENCODING: 'unknown-encoding',
    UNKNOWN_MESSAGE: 'unknown-message',
    BAD_COLOUR_MAP: 'bad-colour-map',
    BAD_CURSOR: 'bad-cursor',
    BAD_ENCODING_DATA: 'bad-encoding-data',
    BAD_COMPRESSED_DATA: 'bad-compressed-data',
    BAD_MESSAGE: 'bad-message',
    END_OF_STREAM: 'end-of-stream',
    TIMEOUT: 'timeout',
    TRANSPORT_FAILED: 'transport-failed',
    CLOSED: 'closed',
    INTERNAL: 'internal',
});

/** Whose fault a failure is. */
export const ErrorKind = Object.freeze({
    PROTOCOL: 'protocol',
    REFUSED: 'refused',
    SECURITY: 'security',
    AUTH: 'auth',
    CLOSED: 'closed',
    TIMEOUT: 'timeout',
    TRANSPORT: 'transport',
    INTERNAL: 'internal',
});

const KINDS = new Map([
    [ErrorCode.BAD_VERSION, ErrorKind.PROTOCOL],
    [ErrorCode.CONNECTION_REFUSED, ErrorKind.REFUSED],
    [ErrorCode.NO_COMMON_SECURITY, ErrorKind.SECURITY],
    [ErrorCode.PASSWORD_REQUIRED, ErrorKind.AUTH],
    [ErrorCode.AUTH_FAILED, ErrorKind.AUTH],
    [ErrorCode.LENGTH_OVER_LIMIT, ErrorKind.PROTOCOL],
    [ErrorCode.BAD_FRAMEBUFFER_SIZE, ErrorKind.PROTOCOL],
    [ErrorCode.BAD_PIXEL_FORMAT, ErrorKind.PROTOCOL],
    [ErrorCode.RECT_OUT_OF_BOUNDS, ErrorKind.PROTOCOL],
    [ErrorCode.UNKNOWN_ENCODING, ErrorKind.PROTOCOL],
    [ErrorCode.UNKNOWN_MESSAGE, ErrorKind.PROTOCOL],
    [ErrorCode.BAD_COLOUR_MAP, ErrorKind.PROTOCOL],
    [ErrorCode.BAD_CURSOR, ErrorKind.PROTOCOL],
    [ErrorCode.BAD_ENCODING_DATA, ErrorKind.PROTOCOL],
    [ErrorCode.BAD_COMPRESSED_DATA, ErrorKind.PROTOCOL],
    [ErrorCode.BAD_MESSAGE, ErrorKind.PROTOCOL],
    [ErrorCode.END_OF_STREAM, ErrorKind.CLOSED],
    [ErrorCode.TIMEOUT, ErrorKind.TIMEOUT],
    [ErrorCode.TRANSPORT_FAILED, ErrorKind.TRANSPORT],
    [ErrorCode.CLOSED, ErrorKind.CLOSED],
    [ErrorCode.INTERNAL, ErrorKind.INTERNAL],
]);

/** The kind of a code (one of ErrorKind). */
export function kindOf(code) {
    const kind = KINDS.get(code);
    if (kind === undefined) {
        throw new RangeError(`unknown error code ${code}`);
    }
    return kind;
}
