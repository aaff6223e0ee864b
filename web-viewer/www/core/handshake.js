// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from './error-codes.js';
import { RfbError } from './errors.js';
import { MAX_STRING_BYTES, MAX_TIGHT_CAPABILITIES, checkFramebufferSize } from './limits.js';
import { PIXEL_FORMAT_LENGTH, readPixelFormat, validatePixelFormat, withEmptyColourMap } from './pixel-format.js';
import { BANNER_LENGTH, ProtocolVersion, V3_3, V3_8 } from './protocol-version.js';
import { ConnectionState } from './rfb-connection.js';
import { RfbInput } from './rfb-input.js';
import { SecurityType, createSecurityHandler, describeSecurityType } from './security/security-types.js';
import { decodeServerText } from './server-text.js';

const TIGHT_CAPABILITY_SIZE = 16;
const SERVER_INIT_HEADER_SIZE = 4 + PIXEL_FORMAT_LENGTH + 4;
const NO_REASON = 'the server gave no reason';

/**
 * The client's side of the RFB handshake (RFC 6143 sections 7.1 to 7.3, and TightVNC's capability
 * lists): from the server's version banner to the end of ServerInit. The Java core's Handshake.
 *
 * Each step() handles one phase as far as the bytes allow and consumes nothing it cannot use whole,
 * so the server's bytes may arrive in any pieces. Its states are the first ones of ConnectionState;
 * it reaches NORMAL when `info` is known and the session can begin. Every length the server sends
 * is checked before the client waits for it.
 */
export class Handshake {
    /**
     * @param {object} options
     * @param {number[]} options.securityTypes accepted, most preferred first
     * @param {boolean} options.shared ClientInit's shared flag
     * @param {object|'server'} options.pixelFormat the format to ask for, or the server's own
     * @param {object} options.credentials what the user gave, for the security handler
     * @param {RfbInput} input
     * @param {import('./rfb-output.js').RfbOutput} out
     */
    constructor({ securityTypes, shared, pixelFormat, credentials }, input, out) {
        this._securityTypes = securityTypes;
        this._shared = shared;
        this._requestedFormat = pixelFormat;
        this._credentials = credentials;
        this._input = input;
        this._out = out;
        this._state = ConnectionState.PROTOCOL_VERSION;
        this._serverVersion = null;
        this._version = null;
        this._security = null;
        this._tightCapabilitiesToSkip = -1;
        this._info = null;
    }

    /** Where the handshake is; NORMAL once it is complete. */
    get state() {
        return this._state;
    }

    get complete() {
        return this._state === ConnectionState.NORMAL;
    }

    /** What the handshake established; null until it is complete. */
    get info() {
        return this.complete ? this._info : null;
    }

    /**
     * Runs the current phase.
     * @returns {boolean} true when it made progress; false when it needs more bytes
     * @throws {RfbError}
     */
    step() {
        switch (this._state) {
        case ConnectionState.PROTOCOL_VERSION: return this._readProtocolVersion();
        case ConnectionState.SECURITY_TYPES:
            return this._version.equals(V3_3) ? this._readSecurityType33() : this._readSecurityTypes();
        case ConnectionState.REFUSED_REASON: return this._readRefusedReason();
        case ConnectionState.SECURITY: return this._runSecurity();
        case ConnectionState.SECURITY_RESULT: return this._readSecurityResult();
        case ConnectionState.AUTH_FAILURE_REASON: return this._readAuthFailureReason();
        case ConnectionState.SERVER_INIT: return this._readServerInit();
        case ConnectionState.TIGHT_CAPABILITIES: return this._skipTightCapabilities();
        default: throw new Error(`the handshake is ${this._state}`);
        }
    }

    /**
     * The failure that the server's closing the stream now means: a login failure if its reason was
     * due (some servers close instead of sending it), otherwise an end of stream saying how far the
     * handshake got.
     */
    endOfStream(anythingReceived) {
        if (this._state === ConnectionState.AUTH_FAILURE_REASON) {
            return new RfbError(ErrorCode.AUTH_FAILED, NO_REASON);
        }
        return new RfbError(ErrorCode.END_OF_STREAM, 'the server closed the connection' +
            (anythingReceived ? ` during the handshake (${describe(this._state)})` : ' before sending anything'));
    }

    // RFC 6143 section 7.1.1
    _readProtocolVersion() {
        if (!this._input.has(BANNER_LENGTH)) {
            return false;
        }
        this._serverVersion = ProtocolVersion.parseBanner(this._input.readBytes(BANNER_LENGTH));
        this._version = this._serverVersion.negotiate();
        this._out.writeBytes(this._version.banner()); // ProtocolVersion
        this._state = ConnectionState.SECURITY_TYPES;
        return true;
    }

    // RFC 6143 section 7.1.2, version 3.3: the server decides.
    _readSecurityType33() {
        if (!this._input.has(4)) {
            return false;
        }
        const type = this._input.readU32(); // security-type
        if (type === SecurityType.INVALID) {
            this._state = ConnectionState.REFUSED_REASON;
            return true;
        }
        // Tight needs the list of 3.7 and later to be chosen from, so it never fits 3.3.
        if (!this._securityTypes.includes(type) || type === SecurityType.TIGHT) {
            throw new RfbError(ErrorCode.NO_COMMON_SECURITY, `the RFB 3.3 server requires security type ` +
                `${describeSecurityType(type)}, which this client does not accept`);
        }
        this._startSecurity(type);
        return true;
    }

    // RFC 6143 section 7.1.2, versions 3.7 and 3.8: the server offers, the client chooses.
    _readSecurityTypes() {
        if (!this._input.has(1)) {
            return false;
        }
        const count = this._input.peekU8(0); // number-of-security-types
        if (count === 0) {
            this._input.skip(1);
            this._state = ConnectionState.REFUSED_REASON;
            return true;
        }
        if (!this._input.has(1 + count)) {
            return false;
        }
        this._input.skip(1);
        const offered = Array.from(this._input.readBytes(count)); // security-types
        const chosen = this._securityTypes.find((type) => offered.includes(type));
        if (chosen === undefined) {
            throw new RfbError(ErrorCode.NO_COMMON_SECURITY, `the server offers security types ` +
                `${offered.map(describeSecurityType).join(', ')} and none of them is one this client accepts`);
        }
        this._out.writeU8(chosen); // security-type
        this._startSecurity(chosen);
        return true;
    }

    _startSecurity(type) {
        this._security = createSecurityHandler(type);
        this._state = ConnectionState.SECURITY;
    }

    _readRefusedReason() {
        const reason = this._readString('refusal reason');
        if (reason === null) {
            return false;
        }
        throw new RfbError(ErrorCode.CONNECTION_REFUSED, reason === '' ? NO_REASON : reason);
    }

    _runSecurity() {
        if (!this._security.process(this._input, this._out, this._credentials)) {
            return false;
        }
        // Before 3.8, servers skip SecurityResult when nothing was authenticated.
        if (this._version.equals(V3_8) || this._security.authenticated()) {
            this._state = ConnectionState.SECURITY_RESULT;
        } else {
            this._sendClientInit();
        }
        return true;
    }

    // RFC 6143 section 7.1.3
    _readSecurityResult() {
        if (!this._input.has(4)) {
            return false;
        }
        const result = this._input.readU32(); // status
        if (result === 0) {
            this._sendClientInit();
            return true;
        }
        if (this._version.equals(V3_8)) {
            this._state = ConnectionState.AUTH_FAILURE_REASON;
            return true;
        }
        throw new RfbError(ErrorCode.AUTH_FAILED, result === 2 ? 'too many attempts' : 'the server rejected the login');
    }

    _readAuthFailureReason() {
        const reason = this._readString('authentication failure reason');
        if (reason === null) {
            return false;
        }
        throw new RfbError(ErrorCode.AUTH_FAILED, reason === '' ? NO_REASON : reason);
    }

    // RFC 6143 section 7.3.1
    _sendClientInit() {
        this._out.writeU8(this._shared ? 1 : 0); // shared-flag
        this._state = ConnectionState.SERVER_INIT;
    }

    // RFC 6143 section 7.3.2
    _readServerInit() {
        const input = this._input;
        if (!input.has(SERVER_INIT_HEADER_SIZE)) {
            return false;
        }
        // Everything is checked before anything is consumed, so a starved read starts over cleanly.
        const width = input.peekU16(0); // framebuffer-width
        const height = input.peekU16(2); // framebuffer-height
        const serverFormat = readPixelFormat(RfbInput.of(input.peekBytes(4, PIXEL_FORMAT_LENGTH))); // server-pixel-format
        const nameLength = input.peekU32(4 + PIXEL_FORMAT_LENGTH); // name-length
        checkFramebufferSize("the server's framebuffer", width, height);
        validatePixelFormat(serverFormat);
        checkStringLength('desktop name', nameLength);
        if (!input.has(SERVER_INIT_HEADER_SIZE + nameLength)) {
            return false;
        }
        input.skip(SERVER_INIT_HEADER_SIZE);
        const name = decodeServerText(input.readBytes(nameLength)); // name-string
        this._info = {
            serverVersion: this._serverVersion.toString(),
            version: this._version.toString(),
            securityType: this._security.type,
            width,
            height,
            serverPixelFormat: serverFormat,
            pixelFormat: withEmptyColourMap(this._requestedFormat === 'server' ? serverFormat : this._requestedFormat),
            name,
        };
        this._state = this._security.enablesTightExtensions() ? ConnectionState.TIGHT_CAPABILITIES
            : ConnectionState.NORMAL;
        return true;
    }

    // TightVNC servers follow ServerInit with counts of server, client and encoding capabilities,
    // then the capabilities; nothing in them changes what this client does, so they are skipped.
    _skipTightCapabilities() {
        if (this._tightCapabilitiesToSkip < 0) {
            if (!this._input.has(8)) {
                return false;
            }
            let capabilities = 0;
            for (const list of ['server message', 'client message', 'encoding']) {
                const count = this._input.readU16(); // number-of-server-messages, -client-messages, -encodings
                if (count > MAX_TIGHT_CAPABILITIES) {
                    throw new RfbError(ErrorCode.LENGTH_OVER_LIMIT, `TightVNC ServerInit lists ${count} ${list} ` +
                        `capabilities, more than the ${MAX_TIGHT_CAPABILITIES} accepted`);
                }
                capabilities += count;
            }
            this._input.skip(2); // padding
            this._tightCapabilitiesToSkip = capabilities * TIGHT_CAPABILITY_SIZE;
        }
        this._tightCapabilitiesToSkip -= this._input.skipAvailable(this._tightCapabilitiesToSkip);
        if (this._tightCapabilitiesToSkip > 0) {
            return false;
        }
        this._state = ConnectionState.NORMAL;
        return true;
    }

    /** Reads a u32 length and that many bytes of text, or returns null (consuming nothing) when starved. */
    _readString(what) {
        if (!this._input.has(4)) {
            return null;
        }
        const length = this._input.peekU32(0);
        checkStringLength(what, length);
        if (!this._input.has(4 + length)) {
            return null;
        }
        this._input.skip(4);
        return decodeServerText(this._input.readBytes(length));
    }
}

// A switch rather than a table built at load time: rfb-connection.js, which defines the states,
// imports this module, so they exist only once both have loaded.
function describe(state) {
    switch (state) {
    case ConnectionState.PROTOCOL_VERSION: return 'waiting for the protocol version';
    case ConnectionState.SECURITY_TYPES: return 'waiting for the security types';
    case ConnectionState.REFUSED_REASON: return 'waiting for the reason of a refusal';
    case ConnectionState.SECURITY: return 'in the security exchange';
    case ConnectionState.SECURITY_RESULT: return 'waiting for the security result';
    case ConnectionState.SERVER_INIT: return 'waiting for ServerInit';
    case ConnectionState.TIGHT_CAPABILITIES: return 'waiting for TightVNC capabilities';
    default: return state;
    }
}

function checkStringLength(what, length) {
    if (length > MAX_STRING_BYTES) {
        throw new RfbError(ErrorCode.LENGTH_OVER_LIMIT,
            `${what} of ${length} bytes exceeds the ${MAX_STRING_BYTES}-byte limit`);
    }
}
