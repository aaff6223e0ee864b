// SPDX-License-Identifier: Apache-2.0

import { ClientMessageWriter } from './client-message-writer.js';
import { DecoderRegistry } from './decoders/decoder-registry.js';
import { ErrorCode } from './error-codes.js';
import { RfbError } from './errors.js';
import { DEFAULT_MAX_CUT_TEXT_BYTES, MAX_STRING_BYTES, MAX_TIGHT_CAPABILITIES, checkFramebufferSize } from './limits.js';
import {
    PIXEL_FORMAT_LENGTH, RGBX32, readPixelFormat, validatePixelFormat, withColourMapEntries, withEmptyColourMap,
} from './pixel-format.js';
import { BANNER_LENGTH, ProtocolVersion, V3_3, V3_8 } from './protocol-version.js';
import { RfbInput } from './rfb-input.js';
import { RfbOutput } from './rfb-output.js';
import {
    SUPPORTED_SECURITY_TYPES, SecurityType, createSecurityHandler, describeSecurityType,
} from './security/security-types.js';
import { ServerMessageReader } from './server-message-reader.js';
import { decodeServerText } from './server-text.js';

/** Phases of a session, in order; FAILED is terminal. The Java core's RfbConnection.State. */
export const ConnectionState = Object.freeze({
    PROTOCOL_VERSION: 'PROTOCOL_VERSION',
    SECURITY_TYPES: 'SECURITY_TYPES',
    REFUSED_REASON: 'REFUSED_REASON',
    SECURITY: 'SECURITY',
    SECURITY_RESULT: 'SECURITY_RESULT',
    AUTH_FAILURE_REASON: 'AUTH_FAILURE_REASON',
    SERVER_INIT: 'SERVER_INIT',
    TIGHT_CAPABILITIES: 'TIGHT_CAPABILITIES',
    NORMAL: 'NORMAL',
    FAILED: 'FAILED',
});

const TIGHT_CAPABILITY_SIZE = 16;
const SERVER_INIT_HEADER_SIZE = 4 + PIXEL_FORMAT_LENGTH + 4;
const NO_REASON = 'the server gave no reason';

const WAITING_FOR = new Map([
    [ConnectionState.PROTOCOL_VERSION, 'waiting for the protocol version'],
    [ConnectionState.SECURITY_TYPES, 'waiting for the security types'],
    [ConnectionState.REFUSED_REASON, 'waiting for the reason of a refusal'],
    [ConnectionState.SECURITY, 'in the security exchange'],
    [ConnectionState.SECURITY_RESULT, 'waiting for the security result'],
    [ConnectionState.SERVER_INIT, 'waiting for ServerInit'],
    [ConnectionState.TIGHT_CAPABILITIES, 'waiting for TightVNC capabilities'],
]);

/**
 * One RFB client session as a state machine that does no I/O (RFC 6143 section 7): the Java core's
 * RfbConnection, state for state, error for error.
 *
 * Feed it what the server sent with receive(), then call step() until it returns false (starved),
 * then send what takeOutput() returns. step() handles one handshake phase, one message header, one
 * rectangle, or one run of message data. When the transport reports the end of the stream, call
 * endOfStream(), which throws the error that describes it. Any error ends the connection: it moves
 * to FAILED and every later step() throws.
 *
 * After the handshake the connection asks for its pixel format, announces the encodings of its
 * registry, and requests the whole framebuffer. Each later incremental request is sent only when
 * the consumer calls updateConsumed(), so a slow page slows the server instead of queueing frames.
 *
 * `events` (the Java core's ConnectionEvents; every method optional) hears onHandshakeComplete(
 * info), onFramebufferUpdate(), onDesktopResized(width, height), onCursorShape(shape), onBell(),
 * onServerCutText(text) and, as a page cannot block for a password, onCredentialsRequired(types):
 * set `credentials.password` (or `credentials.cancelled`) and step again.
 *
 * Everything runs on the page's one thread.
 */
export class RfbConnection {
    /**
     * @param {object} options
     * @param {object} options.display the drawing sink (see MemoryDisplay)
     * @param {object} [options.events]
     * @param {number[]} [options.securityTypes] accepted, most preferred first
     * @param {boolean} [options.shared=true] ClientInit's shared flag
     * @param {object|'server'} [options.pixelFormat=RGBX32] the format to ask for, or the server's own
     * @param {DecoderRegistry} [options.decoders]
     * @param {number} [options.maxCutTextBytes]
     */
    constructor({ display, events = {}, securityTypes = SUPPORTED_SECURITY_TYPES, shared = true, pixelFormat = RGBX32,
        decoders = new DecoderRegistry(), maxCutTextBytes = DEFAULT_MAX_CUT_TEXT_BYTES }) {
        if (securityTypes.length === 0 || securityTypes.some((t) => !SUPPORTED_SECURITY_TYPES.includes(t))) {
            throw new RangeError(`securityTypes must be some of ${SUPPORTED_SECURITY_TYPES.join(', ')}`);
        }
        if (pixelFormat !== 'server') {
            validatePixelFormat(pixelFormat);
        }
        this._display = display;
        this._events = events;
        this._securityTypes = [...securityTypes];
        this._shared = shared;
        this._requestedFormat = pixelFormat;
        this._decoders = decoders;
        this._maxCutTextBytes = maxCutTextBytes;
        this._input = new RfbInput();
        this._out = new RfbOutput();
        this._writer = new ClientMessageWriter(this._out);
        /** What the user gave for the security handler; see the class comment. */
        this.credentials = {
            password: undefined,
            cancelled: false,
            request: (types) => this._events.onCredentialsRequired?.(types),
        };

        this._state = ConnectionState.PROTOCOL_VERSION;
        this._failure = null;
        this._bytesReceived = 0;
        this._serverVersion = null;
        this._version = null;
        this._security = null;
        this._tightCapabilitiesToSkip = -1;
        this._info = null;
        this._width = 0;
        this._height = 0;
        this._pixelFormat = null;
        this._reader = null;
        this._requestOutstanding = false;
        this._fullUpdateNeeded = false;
    }

    /** Appends bytes received from the server. The connection keeps them: do not modify them later. */
    receive(bytes) {
        this._input.push(bytes);
        this._bytesReceived += bytes.length;
    }

    /**
     * Processes the next unit of server data.
     * @returns {boolean} true when it made progress (call again); false when it needs more bytes
     * @throws {RfbError} the reason the session is over
     */
    step() {
        if (this._state === ConnectionState.FAILED) {
            throw new Error(`the connection failed earlier: ${this._failure.message}`);
        }
        try {
            return this._advance();
        } catch (error) {
            // The display's own bounds checks are the second line of defence behind the reader's.
            throw this._fail(error instanceof RfbError ? error
                : new RfbError(ErrorCode.INTERNAL, `rejected server data: ${error?.message ?? error}`));
        }
    }

    _fail(error) {
        this._state = ConnectionState.FAILED;
        this._failure = error;
        return error;
    }

    /**
     * Reports that the server's byte stream ended, and throws the error that describes it: an
     * authentication failure if the server closed while its failure reason was due (some servers
     * omit it), otherwise end-of-stream saying where the stream stopped.
     */
    endOfStream() {
        if (this._state === ConnectionState.FAILED) {
            throw this._failure;
        }
        if (this._state === ConnectionState.AUTH_FAILURE_REASON) {
            throw this._fail(new RfbError(ErrorCode.AUTH_FAILED, NO_REASON));
        }
        let where;
        if (this._state === ConnectionState.NORMAL) {
            where = this._reader.isBetweenMessages() && this._input.available === 0
                ? '' : ` ${this._reader.position(this._input.available)}`;
        } else if (this._bytesReceived === 0) {
            where = ' before sending anything';
        } else {
            where = ` during the handshake (${WAITING_FOR.get(this._state)})`;
        }
        throw this._fail(new RfbError(ErrorCode.END_OF_STREAM, `the server closed the connection${where}`));
    }

    _advance() {
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
        case ConnectionState.NORMAL: return this._reader.read(this._input);
        default: throw new Error(`connection in state ${this._state}`);
        }
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
        if (!this._security.process(this._input, this._out, this.credentials)) {
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
        return this._finishServerInit(width, height, serverFormat, input.readBytes(nameLength)); // name-string
    }

    _finishServerInit(width, height, serverFormat, nameBytes) {
        const name = decodeServerText(nameBytes); // name-string
        this._width = width;
        this._height = height;
        this._display.resize(width, height);
        this._pixelFormat = withEmptyColourMap(this._requestedFormat === 'server' ? serverFormat : this._requestedFormat);
        this._info = {
            serverVersion: this._serverVersion.toString(),
            version: this._version.toString(),
            securityType: this._security.type,
            width,
            height,
            serverPixelFormat: serverFormat,
            pixelFormat: this._pixelFormat,
            name,
        };
        if (this._security.enablesTightExtensions()) {
            this._state = ConnectionState.TIGHT_CAPABILITIES;
            return true;
        }
        this._finishHandshake();
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
        this._finishHandshake();
        return true;
    }

    _finishHandshake() {
        this._reader = new ServerMessageReader(this._handler(), this._decoders, this._maxCutTextBytes);
        if (this._requestedFormat !== 'server') {
            this._writer.setPixelFormat(this._pixelFormat);
        }
        this._writer.setEncodings(this._decoders.encodings);
        this._state = ConnectionState.NORMAL;
        this._requestUpdate(false);
        this._events.onHandshakeComplete?.(this._info);
    }

    _requestUpdate(incremental) {
        this._writer.framebufferUpdateRequest(incremental, 0, 0, this._width, this._height);
        this._requestOutstanding = true;
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

    /**
     * Tells the connection that the consumer has drawn the last framebuffer update; the next
     * incremental update is requested now if none is outstanding.
     */
    updateConsumed() {
        this._requireNormal();
        if (!this._requestOutstanding) {
            this._requestUpdate(!this._fullUpdateNeeded);
            this._fullUpdateNeeded = false;
        }
    }

    /** Requests the whole framebuffer now (a non-incremental FramebufferUpdateRequest). */
    requestFullUpdate() {
        this._requireNormal();
        this._requestUpdate(false);
    }

    /** Sends a KeyEvent; keysym is an X11 keysym. */
    sendKeyEvent(keysym, down) {
        this._requireNormal();
        this._writer.keyEvent(down, keysym);
    }

    /** Sends a PointerEvent, the position clamped (and rounded) into the framebuffer. */
    sendPointerEvent(x, y, buttonMask) {
        this._requireNormal();
        const cx = Math.max(0, Math.min(this._width - 1, Math.round(x)));
        const cy = Math.max(0, Math.min(this._height - 1, Math.round(y)));
        this._writer.pointerEvent(buttonMask, cx, cy);
    }

    /** Sends ClientCutText (Latin-1; other characters become "?", line ends become LF). */
    sendClientCutText(text) {
        this._requireNormal();
        this._writer.clientCutText(text);
    }

    _requireNormal() {
        if (this._state !== ConnectionState.NORMAL) {
            throw new Error(`the connection is ${this._state}, not NORMAL`);
        }
    }

    /** Whether bytes are waiting to be sent. */
    hasOutput() {
        return this._out.size > 0;
    }

    /** The bytes to send to the server, in order; the queue is emptied. */
    takeOutput() {
        return this._out.take();
    }

    get state() {
        return this._state;
    }

    /** What the handshake established, or null before it completed. */
    get sessionInfo() {
        return this._info;
    }

    get width() {
        return this._width;
    }

    get height() {
        return this._height;
    }

    /** Counters: bytesReceived, updates, rectangles. */
    get stats() {
        return {
            bytesReceived: this._bytesReceived,
            updates: this._reader?.stats.updates ?? 0,
            rectangles: this._reader?.stats.rectangles ?? 0,
        };
    }

    _handler() {
        return {
            pixelFormat: () => this._pixelFormat,
            display: () => this._display,
            framebufferUpdate: () => {
                this._requestOutstanding = false;
                this._events.onFramebufferUpdate?.();
            },
            desktopSizeChanged: (width, height) => {
                this._width = width;
                this._height = height;
                this._display.resize(width, height);
                this._fullUpdateNeeded = true;
                this._events.onDesktopResized?.(width, height);
            },
            cursorShapeChanged: (shape) => this._events.onCursorShape?.(shape),
            colourMapEntries: (first, rgb) => {
                this._pixelFormat = withColourMapEntries(this._pixelFormat, first, rgb);
            },
            bell: () => this._events.onBell?.(),
            serverCutText: (text) => this._events.onServerCutText?.(text),
        };
    }
}

function checkStringLength(what, length) {
    if (length > MAX_STRING_BYTES) {
        throw new RfbError(ErrorCode.LENGTH_OVER_LIMIT,
            `${what} of ${length} bytes exceeds the ${MAX_STRING_BYTES}-byte limit`);
    }
}
