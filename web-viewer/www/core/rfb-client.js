// SPDX-License-Identifier: Apache-2.0

import { ByteQueue } from './byte-queue.js';
import { CappedRead, latin1, serverText } from './capped-read.js';
import * as messages from './client-messages.js';
import { createDecoders, isPseudoEncoding } from './decoders/index.js';
import { checkFramebufferSize } from './decoders/limits.js';
import { encodingName } from './encodings.js';
import { RfbAuthError, RfbProtocolError } from './errors.js';
import { EventEmitter } from './event-emitter.js';
import { PIXEL_FORMAT_LENGTH, RGBX32, checkDecodable, describePixelFormat, readPixelFormat } from './pixel-format.js';
import { BANNER_LENGTH, negotiateVersion } from './protocol-version.js';
import { NoneSecurity } from './security/none.js';
import { SecurityType, securityTypeName } from './security/security-types.js';
import { TightSecurity } from './security/tight.js';
import { VncAuthSecurity } from './security/vnc-auth.js';

/** Where the client is in the protocol. DISCONNECTED is terminal, for failures and for closes. */
export const ClientState = Object.freeze({
    PROTOCOL_VERSION: 'ProtocolVersion',
    SECURITY_TYPES: 'SecurityTypes',
    SECURITY_FAILURE: 'SecurityFailure',
    SECURITY: 'Security',
    SECURITY_RESULT: 'SecurityResult',
    SECURITY_RESULT_REASON: 'SecurityResultReason',
    SERVER_INIT: 'ServerInit',
    SERVER_NAME: 'ServerName',
    TIGHT_CAPABILITIES: 'TightCapabilities',
    NORMAL: 'Normal',
    DISCONNECTED: 'Disconnected',
});

/** Server message types (RFC 6143 section 7.6). */
const ServerMessageType = Object.freeze({
    FRAMEBUFFER_UPDATE: 0,
    SET_COLOUR_MAP_ENTRIES: 1,
    BELL: 2,
    SERVER_CUT_TEXT: 3,
});

/** Default cap on clipboard text from the server (TigerVNC's); longer text is skipped. */
export const DEFAULT_MAX_CUT_TEXT = 256 * 1024;

/** Bytes of a desktop name or failure reason kept; the rest is skipped. */
const MAX_TEXT_KEPT = 4096;

/**
 * Security types this client can run, most preferred first: None needs no password; TightVNC's
 * type only wraps the other two, so the plain ones come first.
 */
export const SUPPORTED_SECURITY_TYPES = Object.freeze([SecurityType.NONE, SecurityType.VNC_AUTH, SecurityType.TIGHT]);

function createSecurity(type) {
    switch (type) {
    case SecurityType.NONE: return new NoneSecurity();
    case SecurityType.VNC_AUTH: return new VncAuthSecurity();
    case SecurityType.TIGHT: return new TightSecurity();
    default: return null;
    }
}

const QUIET_LOGGER = Object.freeze({
    debug() {},
    info() {},
    warn: (...args) => console.warn(...args),
    error: (...args) => console.error(...args),
});

/**
 * A byte stream to the server.
 * @typedef {object} Transport
 * @property {(receiver: {onData: (bytes: Uint8Array) => void,
 *             onClose: (info: {code?: number, reason?: string}) => void}) => void} attach
 *   called once by the client's constructor; the transport then calls `onData` for every chunk
 *   received, in order, and `onClose` exactly once when the stream has ended for any reason.
 * @property {(bytes: Uint8Array) => void} send queues bytes for the server, in order; throws when
 *   the stream is closed.
 * @property {() => void} close ends the stream; `onClose` follows (or has already been called).
 */

/**
 * An RFB (VNC) client session, without any DOM: it speaks the protocol over a Transport and draws
 * through a display (CanvasDisplay in a page, MemoryDisplay in tests). Everything runs on one
 * thread, the page's main thread: transport callbacks, display callbacks and the public methods.
 * Nothing thrown escapes to the transport's event loop: every failure ends the session with an
 * `error` event and a `disconnect` event that say why.
 *
 * Events (`on(type, listener)`, listener gets one detail object):
 * - `connect` {}: the handshake is done, updates are flowing.
 * - `disconnect` {clean, reason}: the session is over; `clean` is true only after disconnect().
 * - `credentialsrequired` {types}: call sendCredentials() with a password (types: ['password']).
 * - `desktopname` {name}
 * - `resize` {width, height}: the framebuffer size, at connect and on DesktopSize.
 * - `bell` {}
 * - `clipboard` {text}: the server's clipboard (Latin-1 text).
 * - `cursor` {rgba, width, height, hotX, hotY}: the pointer's new shape.
 * - `error` {message, kind, error}: kind is 'auth', 'protocol' or 'internal'; `disconnect` follows.
 *
 * The next incremental FramebufferUpdateRequest goes out only when the display says the last
 * update is drawn, so a slow page slows the server instead of queueing frames.
 */
export class RfbClient {
    /**
     * @param {object} options
     * @param {Transport} options.transport
     * @param {object} options.display the drawing sink, see MemoryDisplay for its interface
     * @param {{password?: string}} [options.credentials] given up front, else asked for
     * @param {boolean} [options.shared=true] let other clients stay connected
     * @param {boolean} [options.viewOnly=false] send no key, pointer or clipboard events
     * @param {number} [options.maxCutText] longest server clipboard text accepted, in bytes
     * @param {number[]} [options.securityTypes] security types allowed, most preferred first; a
     *   subset of SUPPORTED_SECURITY_TYPES (e.g. [2] to refuse servers that ask for no password)
     * @param {{debug: Function, info: Function, warn: Function, error: Function}} [options.logger]
     */
    constructor({ transport, display, credentials = {}, shared = true, viewOnly = false,
        maxCutText = DEFAULT_MAX_CUT_TEXT, securityTypes = SUPPORTED_SECURITY_TYPES, logger = QUIET_LOGGER }) {
        if (!transport || !display) {
            throw new TypeError('RfbClient needs a transport and a display');
        }
        const unsupported = securityTypes.filter((type) => !SUPPORTED_SECURITY_TYPES.includes(type));
        if (unsupported.length > 0 || securityTypes.length === 0) {
            throw new TypeError(`securityTypes must be some of ${SUPPORTED_SECURITY_TYPES.join(', ')}`);
        }
        this._securityTypes = [...securityTypes];
        this._transport = transport;
        this._display = display;
        this._password = credentials.password;
        this._shared = shared;
        this._maxCutText = maxCutText;
        this._log = logger;
        this.viewOnly = viewOnly;

        this._events = new EventEmitter((type, error) => this._log.error(`rfbridge: ${type} listener failed`, error));
        this._queue = new ByteQueue();
        this._state = ClientState.PROTOCOL_VERSION;
        this._minorVersion = 0;
        /** @type {object|null} */
        this._security = null;
        this._width = 0;
        this._height = 0;
        this._desktopName = '';
        this._pixelFormat = RGBX32;
        this._decoders = createDecoders();
        /** Handler of the server message being read, or null between messages. */
        this._message = null;
        /** The FramebufferUpdate being read: rectangles left and the one in progress. */
        this._update = null;
        /** A field being read in pieces (name, clipboard, skipped bytes). */
        this._field = null;
        this._requestOutstanding = false;
        this._pumping = false;
        this._pumpAgain = false;
        this._stats = { bytesReceived: 0, updates: 0, rectangles: 0 };

        // What decoders may do to the framebuffer: drawing goes straight to the display, size and
        // cursor changes go through the client so it checks, tracks and announces them.
        const client = this;
        this._sink = {
            get width() { return client._width; },
            get height() { return client._height; },
            putPixels: (x, y, w, h, rgba) => display.putPixels(x, y, w, h, rgba),
            fillRect: (x, y, w, h, rgba) => display.fillRect(x, y, w, h, rgba),
            copyRect: (sx, sy, x, y, w, h) => display.copyRect(sx, sy, x, y, w, h),
            resize: (w, h) => this._resizeFramebuffer(w, h),
            setCursor: (rgba, w, h, hotX, hotY) => this._setCursor(rgba, w, h, hotX, hotY),
        };

        transport.attach({
            onData: (bytes) => this._receive(bytes),
            onClose: (info) => this._transportClosed(info ?? {}),
        });
    }

    /** Listens to an event (see the class comment); returns this. */
    on(type, listener) {
        this._events.on(type, listener);
        return this;
    }

    off(type, listener) {
        this._events.off(type, listener);
        return this;
    }

    /** One of ClientState. */
    get state() {
        return this._state;
    }

    /** True between `connect` and `disconnect`. */
    get connected() {
        return this._state === ClientState.NORMAL;
    }

    get width() {
        return this._width;
    }

    get height() {
        return this._height;
    }

    get desktopName() {
        return this._desktopName;
    }

    /** The RFB version spoken, as "3.8", or "" before it is agreed. */
    get protocolVersion() {
        return this._minorVersion ? `3.${this._minorVersion}` : '';
    }

    /** Counters for diagnostics and benchmarks: bytesReceived, updates, rectangles. */
    get stats() {
        return { ...this._stats };
    }

    /** Gives the password asked for by `credentialsrequired`, or ahead of time. */
    sendCredentials({ password }) {
        this._password = password;
        if (this._state !== ClientState.DISCONNECTED) {
            this._pump();
        }
    }

    /** Sends an X11 keysym going down or up. Dropped unless connected and not view-only. */
    sendKey(keysym, down) {
        if (this._acceptsInput()) {
            this._send(messages.keyEvent(down, keysym));
        }
    }

    /**
     * Presses the keysyms in order and releases them in reverse, as a person types a
     * combination: sendKeys([XK.Control_L, XK.Alt_L, XK.Delete]) is Ctrl+Alt+Del.
     */
    sendKeys(keysyms) {
        keysyms.forEach((keysym) => this.sendKey(keysym, true));
        [...keysyms].reverse().forEach((keysym) => this.sendKey(keysym, false));
    }

    /**
     * Sends the pointer position in framebuffer coordinates (clamped into the framebuffer) and the
     * buttons held (bit 0 left, 1 middle, 2 right, 3/4 wheel up/down, 5/6 wheel left/right).
     */
    sendPointer(x, y, buttonMask) {
        if (this._acceptsInput()) {
            const cx = Math.max(0, Math.min(Math.max(this._width - 1, 0), Math.round(x)));
            const cy = Math.max(0, Math.min(Math.max(this._height - 1, 0), Math.round(y)));
            this._send(messages.pointerEvent(buttonMask & 0xff, cx, cy));
        }
    }

    /** Sets the server's clipboard (Latin-1; other characters become "?"). */
    sendClipboard(text) {
        if (this._acceptsInput()) {
            this._send(messages.clientCutText(text));
        }
    }

    /** Asks for the whole screen again, for when the page lost what it showed. */
    refresh() {
        if (this._state === ClientState.NORMAL) {
            this._send(messages.framebufferUpdateRequest(false, 0, 0, this._width, this._height));
            this._requestOutstanding = true;
        }
    }

    /** Ends the session; `disconnect` follows with clean: true. */
    disconnect() {
        if (this._state === ClientState.DISCONNECTED) {
            return;
        }
        this._state = ClientState.DISCONNECTED;
        this._closeTransport();
        this._events.emit('disconnect', { clean: true, reason: 'disconnected' });
    }

    // ---- input from the transport -------------------------------------------------------------

    _receive(bytes) {
        if (this._state === ClientState.DISCONNECTED) {
            return;
        }
        const chunk = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
        this._stats.bytesReceived += chunk.length;
        this._queue.push(chunk);
        this._pump();
    }

    _transportClosed({ reason }) {
        if (this._state === ClientState.DISCONNECTED) {
            return;
        }
        const during = this._state === ClientState.NORMAL ? '' : ` during ${this._state}`;
        const why = reason ? `: ${reason}` : '';
        const message = this._state === ClientState.PROTOCOL_VERSION && this._stats.bytesReceived === 0
            ? `connection closed before the server said anything${why}`
            : `connection closed${during}${why}`;
        this._log.info(`rfbridge: ${message}`);
        this._state = ClientState.DISCONNECTED;
        this._events.emit('disconnect', { clean: false, reason: message });
    }

    /**
     * Runs protocol steps until one is starved. Re-entrant calls (a listener giving credentials
     * from inside an event, a display reporting a frame drawn at once) only ask for another round.
     */
    _pump() {
        if (this._pumping) {
            this._pumpAgain = true;
            return;
        }
        this._pumping = true;
        try {
            do {
                this._pumpAgain = false;
                while (this._state !== ClientState.DISCONNECTED && this._step()) {
                    // each step consumed a message or changed state
                }
            } while (this._pumpAgain && this._state !== ClientState.DISCONNECTED);
        } catch (error) {
            this._fail(error);
        } finally {
            this._pumping = false;
        }
    }

    /** One step of the state machine; false when it needs more bytes or credentials. */
    _step() {
        switch (this._state) {
        case ClientState.PROTOCOL_VERSION: return this._readProtocolVersion();
        case ClientState.SECURITY_TYPES: return this._readSecurityTypes();
        case ClientState.SECURITY_FAILURE: return this._readFailureReason('the server refused the connection');
        case ClientState.SECURITY: return this._runSecurity();
        case ClientState.SECURITY_RESULT: return this._readSecurityResult();
        case ClientState.SECURITY_RESULT_REASON: return this._readFailureReason('authentication failed');
        case ClientState.SERVER_INIT: return this._readServerInit();
        case ClientState.SERVER_NAME: return this._readServerName();
        case ClientState.TIGHT_CAPABILITIES: return this._readTightCapabilities();
        case ClientState.NORMAL: return this._readServerMessage();
        default: return false;
        }
    }

    // ---- handshake (RFC 6143 section 7.1-7.3) -------------------------------------------------

    _readProtocolVersion() {
        if (!this._queue.has(BANNER_LENGTH)) {
            return false;
        }
        const banner = this._queue.readBytes(BANNER_LENGTH);
        this._minorVersion = negotiateVersion(banner);
        this._log.info(`rfbridge: server ${String.fromCharCode(...banner.subarray(0, 11))}, speaking 3.${this._minorVersion}`);
        this._send(messages.protocolVersion(this._minorVersion));
        this._state = ClientState.SECURITY_TYPES;
        return true;
    }

    _readSecurityTypes() {
        if (this._minorVersion === 3) {
            // 3.3: the server decides, as a u32.
            if (!this._queue.has(4)) {
                return false;
            }
            const type = this._queue.readU32();
            if (type === SecurityType.INVALID) {
                this._state = ClientState.SECURITY_FAILURE;
                return true;
            }
            if (type !== SecurityType.NONE && type !== SecurityType.VNC_AUTH) {
                throw new RfbAuthError(`the server requires ${securityTypeName(type)}, which is not supported`);
            }
            if (!this._securityTypes.includes(type)) {
                throw new RfbAuthError(`the server requires ${securityTypeName(type)}, which is not allowed`);
            }
            this._startSecurity(type);
            return true;
        }
        if (!this._queue.has(1)) {
            return false;
        }
        const count = this._queue.peekU8();
        if (count === 0) {
            this._queue.skip(1);
            this._state = ClientState.SECURITY_FAILURE;
            return true;
        }
        if (!this._queue.has(1 + count)) {
            return false;
        }
        this._queue.skip(1);
        const offered = Array.from(this._queue.readBytes(count));
        const chosen = this._securityTypes.find((type) => offered.includes(type));
        if (chosen === undefined) {
            throw new RfbAuthError('no supported security type: the server offers ' +
                offered.map(securityTypeName).join(', '));
        }
        this._send(messages.securityType(chosen));
        this._startSecurity(chosen);
        return true;
    }

    _startSecurity(type) {
        this._log.info(`rfbridge: security ${securityTypeName(type)}`);
        this._security = createSecurity(type);
        this._state = ClientState.SECURITY;
    }

    _runSecurity() {
        const session = {
            send: (bytes) => this._send(bytes),
            password: this._password,
            requestCredentials: (types) => this._events.emit('credentialsrequired', { types }),
        };
        if (!this._security.step(this._queue, session)) {
            return false;
        }
        if (this._security.resultFollows(this._minorVersion)) {
            this._state = ClientState.SECURITY_RESULT;
        } else {
            this._sendClientInit();
        }
        return true;
    }

    _readSecurityResult() {
        if (!this._queue.has(4)) {
            return false;
        }
        const status = this._queue.readU32();
        if (status === 0) {
            this._sendClientInit();
            return true;
        }
        if (this._minorVersion >= 8) {
            this._state = ClientState.SECURITY_RESULT_REASON;
            return true;
        }
        throw new RfbAuthError(status === 2 ? 'authentication failed: too many attempts' : 'authentication failed');
    }

    /** Reads a u32-length reason and fails with it; only the first bytes of a long one are waited for. */
    _readFailureReason(what) {
        if (!this._queue.has(4)) {
            return false;
        }
        const length = this._queue.peekU32();
        const kept = Math.min(length, MAX_TEXT_KEPT);
        if (!this._queue.has(4 + kept)) {
            return false;
        }
        this._queue.skip(4);
        const reason = serverText(this._queue.readBytes(kept)).trim();
        throw new RfbAuthError(reason ? `${what}: ${reason}` : what);
    }

    _sendClientInit() {
        this._send(messages.clientInit(this._shared));
        this._state = ClientState.SERVER_INIT;
    }

    _readServerInit() {
        const headerLength = 4 + PIXEL_FORMAT_LENGTH + 4;
        if (!this._queue.has(headerLength)) {
            return false;
        }
        const width = this._queue.readU16();
        const height = this._queue.readU16();
        const serverFormat = readPixelFormat(this._queue);
        const nameLength = this._queue.readU32();
        checkFramebufferSize(width, height, 'ServerInit');
        this._width = width;
        this._height = height;
        this._log.info(`rfbridge: framebuffer ${width}x${height}, server pixel format ${describePixelFormat(serverFormat)}`);
        this._field = new CappedRead(nameLength, MAX_TEXT_KEPT);
        this._state = ClientState.SERVER_NAME;
        return true;
    }

    _readServerName() {
        if (!this._field.step(this._queue)) {
            return false;
        }
        this._desktopName = serverText(this._field.kept);
        this._field = null;
        if (this._security.extendsServerInit) {
            this._state = ClientState.TIGHT_CAPABILITIES;
        } else {
            this._startSession();
        }
        return true;
    }

    /** TightVNC security adds three capability lists after ServerInit; nothing here uses them. */
    _readTightCapabilities() {
        if (this._field === null) {
            if (!this._queue.has(8)) {
                return false;
            }
            const serverMessages = this._queue.readU16();
            const clientMessages = this._queue.readU16();
            const encodings = this._queue.readU16();
            this._queue.skip(2); // padding
            this._field = new CappedRead((serverMessages + clientMessages + encodings) * 16, 0);
        }
        if (!this._field.step(this._queue)) {
            return false;
        }
        this._field = null;
        this._startSession();
        return true;
    }

    _startSession() {
        checkDecodable(this._pixelFormat);
        this._display.resize(this._width, this._height);
        this._send(messages.setPixelFormat(this._pixelFormat));
        this._send(messages.setEncodings([...this._decoders.keys()]));
        this._send(messages.framebufferUpdateRequest(false, 0, 0, this._width, this._height));
        this._requestOutstanding = true;
        this._state = ClientState.NORMAL;
        this._events.emit('desktopname', { name: this._desktopName });
        this._events.emit('resize', { width: this._width, height: this._height });
        this._events.emit('connect', {});
    }

    // ---- normal protocol (RFC 6143 section 7.6) -----------------------------------------------

    _readServerMessage() {
        if (this._message === null) {
            if (!this._queue.has(1)) {
                return false;
            }
            const type = this._queue.peekU8();
            switch (type) {
            case ServerMessageType.FRAMEBUFFER_UPDATE: this._message = this._readUpdate; break;
            case ServerMessageType.SET_COLOUR_MAP_ENTRIES: this._message = this._readColourMap; break;
            case ServerMessageType.BELL: this._message = this._readBell; break;
            case ServerMessageType.SERVER_CUT_TEXT: this._message = this._readCutText; break;
            default:
                throw new RfbProtocolError(`unknown server message type ${type}`);
            }
        }
        if (!this._message.call(this)) {
            return false;
        }
        this._message = null;
        return true;
    }

    _readUpdate() {
        const queue = this._queue;
        if (this._update === null) {
            if (!queue.has(4)) {
                return false;
            }
            queue.skip(2); // message-type, padding
            this._update = { left: queue.readU16(), rect: null, decoder: null };
            this._requestOutstanding = false;
        }
        const update = this._update;
        while (update.left > 0) {
            if (update.rect === null) {
                if (!queue.has(12)) {
                    return false;
                }
                const rect = {
                    x: queue.readU16(),
                    y: queue.readU16(),
                    width: queue.readU16(),
                    height: queue.readU16(),
                    encoding: queue.readS32(),
                };
                update.decoder = this._decoderFor(rect);
                update.rect = rect;
            }
            if (!update.decoder.decodeRect(update.rect, queue, this._pixelFormat, this._sink)) {
                return false;
            }
            this._stats.rectangles++;
            update.left = update.decoder.endsUpdate ? 0 : update.left - 1;
            update.rect = null;
            update.decoder = null;
        }
        this._update = null;
        this._stats.updates++;
        this._display.finishUpdate(() => this._updateDrawn());
        return true;
    }

    /** The decoder for a rectangle, after checking that a pixel rectangle lies in the framebuffer. */
    _decoderFor(rect) {
        const decoder = this._decoders.get(rect.encoding);
        if (decoder === undefined) {
            throw new RfbProtocolError(`the server sent a rectangle in ${encodingName(rect.encoding)}, ` +
                'an encoding this client did not ask for');
        }
        if (!isPseudoEncoding(rect.encoding) &&
            (rect.x + rect.width > this._width || rect.y + rect.height > this._height)) {
            throw new RfbProtocolError(`${encodingName(rect.encoding)} rectangle ${rect.width}x${rect.height} ` +
                `at ${rect.x},${rect.y} lies outside the ${this._width}x${this._height} framebuffer`);
        }
        return decoder;
    }

    _updateDrawn() {
        if (this._state !== ClientState.NORMAL || this._requestOutstanding) {
            return;
        }
        try {
            this._send(messages.framebufferUpdateRequest(true, 0, 0, this._width, this._height));
            this._requestOutstanding = true;
        } catch (error) {
            this._fail(error);
        }
    }

    _resizeFramebuffer(width, height) {
        checkFramebufferSize(width, height, 'DesktopSize');
        this._width = width;
        this._height = height;
        this._display.resize(width, height);
        this._log.info(`rfbridge: framebuffer resized to ${width}x${height}`);
        this._events.emit('resize', { width, height });
    }

    _setCursor(rgba, width, height, hotX, hotY) {
        this._display.setCursor?.(rgba, width, height, hotX, hotY);
        this._events.emit('cursor', { rgba, width, height, hotX, hotY });
    }

    /** SetColourMapEntries: only sent for colour-map pixel formats, which this client never asks for. */
    _readColourMap() {
        if (this._field === null) {
            if (!this._queue.has(6)) {
                return false;
            }
            this._queue.skip(4); // message-type, padding, first-colour
            const colours = this._queue.readU16();
            this._log.warn(`rfbridge: ignoring SetColourMapEntries with ${colours} colours`);
            this._field = new CappedRead(colours * 6, 0);
        }
        if (!this._field.step(this._queue)) {
            return false;
        }
        this._field = null;
        return true;
    }

    _readBell() {
        this._queue.skip(1);
        this._events.emit('bell', {});
        return true;
    }

    /** ServerCutText: Latin-1 text; text over maxCutText is skipped as it arrives, never stored. */
    _readCutText() {
        if (this._field === null) {
            if (!this._queue.has(8)) {
                return false;
            }
            this._queue.skip(4); // message-type, padding
            const length = this._queue.readU32();
            const keep = length <= this._maxCutText ? length : 0;
            if (keep < length) {
                this._log.warn(`rfbridge: skipping ${length} bytes of server clipboard, over the ${this._maxCutText}-byte limit`);
            }
            this._field = new CappedRead(length, keep);
        }
        if (!this._field.step(this._queue)) {
            return false;
        }
        const field = this._field;
        this._field = null;
        if (!field.truncated) {
            this._events.emit('clipboard', { text: latin1(field.kept) });
        }
        return true;
    }

    // ---- output and failure -------------------------------------------------------------------

    _acceptsInput() {
        return this._state === ClientState.NORMAL && !this.viewOnly;
    }

    _send(bytes) {
        try {
            this._transport.send(bytes);
        } catch (error) {
            if (this._pumping) {
                throw error;
            }
            this._fail(error);
        }
    }

    _fail(error) {
        if (this._state === ClientState.DISCONNECTED) {
            return;
        }
        let kind = 'internal';
        let message = `internal error: ${error?.message ?? error}`;
        if (error instanceof RfbAuthError) {
            kind = 'auth';
            message = error.message;
        } else if (error instanceof RfbProtocolError) {
            kind = 'protocol';
            message = `protocol error: ${error.message}`;
        }
        this._log.error(`rfbridge: ${message}`, kind === 'internal' ? error : '');
        this._state = ClientState.DISCONNECTED;
        this._closeTransport();
        this._events.emit('error', { message, kind, error });
        this._events.emit('disconnect', { clean: false, reason: message });
    }

    _closeTransport() {
        try {
            this._transport.close();
        } catch (error) {
            this._log.warn('rfbridge: closing the transport failed', error);
        }
    }
}
