// SPDX-License-Identifier: Apache-2.0

import { DecoderRegistry } from './decoders/decoder-registry.js';
import { EncodingPreferences } from './encoding-preferences.js';
import { ErrorCode } from './error-codes.js';
import { RfbError } from './errors.js';
import { EventEmitter } from './event-emitter.js';
import { describeFailure } from './failures.js';
import { DEFAULT_MAX_CUT_TEXT_BYTES } from './limits.js';
import { RGBX32 } from './pixel-format.js';
import { ConnectionState, RfbConnection } from './rfb-connection.js';
import { SUPPORTED_SECURITY_TYPES } from './security/security-types.js';

/** How long the handshake may take before the session gives up (the Java client's default). */
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 30_000;

/**
 * Most bytes that may wait unfed while the connection holds an update back for the display. The
 * Java client stops reading its socket instead, so TCP pushes back on the server; a browser's
 * WebSocket cannot stop receiving, so a server that keeps sending while the page draws is ended
 * here before it fills the page's memory. A server that sends only what it is asked for has one
 * update waiting at most.
 */
export const MAX_UNFED_BYTES = 64 * 1024 * 1024;

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
 * An RFB (VNC) client session without any DOM (the Java core's RfbClient): it runs an
 * RfbConnection over a Transport and draws through a display (CanvasDisplay in a page,
 * MemoryDisplay in tests). Everything runs on the page's main thread: transport callbacks, display
 * callbacks and the public methods. Nothing thrown escapes to the transport's event loop: every
 * failure ends the session with an `error` event and a `disconnect` event that say why.
 *
 * Events (`on(type, listener)`, listener gets one detail object):
 * - `connect` {width, height, name}: the handshake is done, updates are flowing.
 * - `disconnect` {clean, reason, code}: the session is over; `clean` is true only after
 *   disconnect(); `code` is the ErrorCode of a failure.
 * - `credentialsrequired` {types}: call sendCredentials() with a password (types: ['password']),
 *   or cancelCredentials().
 * - `desktopname` {name}
 * - `resize` {width, height}: the framebuffer size, at connect and on DesktopSize.
 * - `bell` {}
 * - `clipboard` {text}: the server's clipboard (Latin-1 text).
 * - `cursor` {rgba, width, height, hotX, hotY}: the pointer's new shape.
 * - `error` {message, code, kind, error}: message is what the user reads (failures.js); kind is
 *   one of ErrorKind; `disconnect` follows. A server that just closes the stream gives no `error`.
 *
 * Render backpressure, as the Java client's: the next incremental FramebufferUpdateRequest goes
 * out as soon as an update is decoded, so the server encodes and sends the next one while the
 * display draws this one, but that next update is decoded only once the display says the last
 * one is drawn (images in it too). Until then what the transport delivers waits here, unfed, with
 * the time it arrived (so the link is measured by the network, not by the drawing); more than
 * MAX_UNFED_BYTES waiting ends the session. A slow page so slows the server, one frame ahead at
 * most, instead of queueing frames. The end of the stream waits behind the bytes before it.
 *
 * Encodings: by default every one this core decodes, Tight first, with the JPEG quality and
 * compression following the measured link (AdaptiveEncoding); `encodingPreferences` or
 * setEncodingPreferences() fix what the user chose. For a status line: `stats` (per-encoding
 * rectangle counts, see DecodeStatsSnapshot.dominantSince), `encodingChoice.describeQuality()` and
 * `link.describe()`.
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
     * @param {number[]} [options.securityTypes] security types accepted, most preferred first; a
     *   subset of SUPPORTED_SECURITY_TYPES (e.g. [2] to refuse servers that ask for no password)
     * @param {object|'server'} [options.pixelFormat=RGBX32] what to ask the server for
     * @param {EncodingPreferences} [options.encodingPreferences] what to ask for (default auto:
     *   chosen from the link)
     * @param {number[]} [options.encodings] instead of preferences: announce exactly these, most
     *   preferred first, and decode only these (EncodingPreferences.exactly; for tests and tools)
     * @param {number} [options.handshakeTimeout] milliseconds the handshake may take (0: no limit)
     * @param {{debug: Function, info: Function, warn: Function, error: Function}} [options.logger]
     * @param {() => number} [options.now] the clock in milliseconds, for measuring the link
     *   (default performance.now)
     * @throws {TypeError|RangeError} for missing or contradictory options
     */
    constructor({ transport, display, credentials = {}, shared = true, viewOnly = false,
        maxCutText = DEFAULT_MAX_CUT_TEXT_BYTES, securityTypes = SUPPORTED_SECURITY_TYPES, pixelFormat = RGBX32,
        encodingPreferences, encodings, handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT_MS, logger = QUIET_LOGGER,
        now = () => performance.now() }) {
        if (!transport || !display) {
            throw new TypeError('RfbClient needs a transport and a display');
        }
        if (encodings !== undefined && encodingPreferences !== undefined) {
            throw new TypeError('RfbClient takes encodings (exactly these) or encodingPreferences, not both');
        }
        this._transport = transport;
        this._display = display;
        this._log = logger;
        this.viewOnly = viewOnly;
        this._closed = false;
        this._pumping = false;
        this._pumpAgain = false;
        this._now = now;
        /**
         * What the transport delivered and the connection has not been given yet (see _feed):
         * {bytes, arrivedAt}, or {bytes: null, info} for the end of the stream; from _unfedHead on.
         */
        this._unfed = [];
        this._unfedHead = 0;
        this._unfedBytes = 0;
        /** The transport has closed; the end is reported once what came before it is read. */
        this._transportEnded = false;
        this._events = new EventEmitter((type, error) => this._log.error(`rfbridge: ${type} listener failed`, error));
        this._connection = new RfbConnection({
            display,
            securityTypes,
            shared,
            pixelFormat,
            decoders: new DecoderRegistry(encodings),
            encodingPreferences: encodings === undefined ? encodingPreferences ?? EncodingPreferences.auto()
                : EncodingPreferences.exactly(encodings),
            maxCutTextBytes: maxCutText,
            events: this._connectionEvents(),
            now,
        });
        this._connection.credentials.password = credentials.password;
        this._handshakeTimer = handshakeTimeout > 0 ? setTimeout(() => this._handshakeTimedOut(handshakeTimeout), handshakeTimeout) : null;
        this._handshakeTimer?.unref?.();

        transport.attach({
            // Timed here, on arrival: the bytes may wait unfed while the display draws.
            onData: (bytes) => this._receive(bytes, this._now()),
            onClose: (info) => this._receiveEnd(info ?? {}),
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

    /** One of ConnectionState. */
    get state() {
        return this._connection.state;
    }

    /** True once the session is over, for whatever reason. */
    get closed() {
        return this._closed;
    }

    /** True between `connect` and `disconnect`. */
    get connected() {
        return !this._closed && this._connection.state === ConnectionState.NORMAL;
    }

    get width() {
        return this._connection.width;
    }

    get height() {
        return this._connection.height;
    }

    get desktopName() {
        return this._connection.sessionInfo?.name ?? '';
    }

    /** The RFB version spoken, as "3.8", or "" before it is agreed. */
    get protocolVersion() {
        return this._connection.sessionInfo?.version ?? '';
    }

    /**
     * What has been received and decoded so far (a DecodeStatsSnapshot): bytesReceived, updates,
     * rectangles, and byEncoding; `dominantSince(earlier)` names the pixel encoding used most since
     * an earlier snapshot.
     */
    get stats() {
        return this._connection.stats;
    }

    /** The link as the session measures it (LinkEstimate): `describe()` gives "23.4 Mbit/s, 41 ms". */
    get link() {
        return this._connection.link;
    }

    /**
     * What the session asks the server for now (AdaptiveEncoding: `quality`, `compression`,
     * `encodings`, `describeQuality()`), null before the handshake completes.
     */
    get encodingChoice() {
        return this._connection.encodingChoice;
    }

    /** The EncodingPreferences the session asks by. */
    get encodingPreferences() {
        return this._connection.encodingPreferences;
    }

    /**
     * Asks for encodings by `preferences` (an EncodingPreferences) from now on: sent at once when
     * connected (the server applies it to the updates after it), kept for the handshake before.
     * Ignored once the session is over.
     * @throws {TypeError|RangeError} for preferences this client cannot take, as the constructor
     */
    setEncodingPreferences(preferences) {
        if (this._closed) {
            return;
        }
        this._connection.setEncodingPreferences(preferences);
        this._flush();
    }

    /** Gives the password asked for by `credentialsrequired`, or ahead of time. */
    sendCredentials({ password }) {
        this._connection.credentials.password = password;
        this._pump();
    }

    /** Declines to give a password: the session ends with password-required. */
    cancelCredentials() {
        this._connection.credentials.cancelled = true;
        this._pump();
    }

    /**
     * Sends an X11 keysym going down or up, with the XT scancode of the physical key (QEMU's form, 0
     * when unknown) that servers taking QEMU's extended key events get too. Dropped unless connected
     * and not view-only.
     */
    sendKey(keysym, down, scancode = 0) {
        this._input(() => this._connection.sendKeyEvent(keysym, down, scancode));
    }

    /** Whether keys go with their scancodes (the server takes QEMU's extended key events). */
    get extendedKeyEvents() {
        return this._connection.extendedKeyEvents;
    }

    /** Asks for a power action (2 shutdown, 3 reboot, 4 reset) once the server offered them (`xvp`). */
    sendXvp(code) {
        this._input(() => this._connection.sendXvp(code));
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
        this._input(() => this._connection.sendPointerEvent(x, y, buttonMask & 0xff));
    }

    /**
     * Sets the server's clipboard: UTF-8 with servers that have the extended clipboard, else Latin-1
     * (other characters become "?"); text over a limit goes as a `clipboard-dropped` {message}.
     */
    sendClipboard(text) {
        this._input(() => this._connection.sendClientCutText(text));
    }

    /**
     * Asks the server to make its desktop `width`x`height` (see RfbConnection.requestDesktopSize); a
     * page debounces this while the user drags. The answer is a `resize` or a `resize-refused`
     * {message}.
     */
    requestDesktopSize(width, height) {
        if (this.connected) {
            this._connection.requestDesktopSize(width, height);
            this._flush();
        }
    }

    /** Whether the server takes desktop size requests (false until its first update says so). */
    get serverTakesDesktopSize() {
        return this._connection.serverTakesDesktopSize;
    }

    /** Whether the server sends updates unasked (continuous updates). */
    get continuousUpdates() {
        return this._connection.continuousUpdates;
    }

    /** Asks for the whole screen again, for when the page lost what it showed. */
    refresh() {
        if (this.connected) {
            this._connection.requestFullUpdate();
            this._flush();
        }
    }

    /** Ends the session; `disconnect` follows with clean: true. */
    disconnect() {
        if (this._closed) {
            return;
        }
        this._end();
        this._events.emit('disconnect', { clean: true, reason: 'disconnected' });
    }

    _input(send) {
        if (this.connected && !this.viewOnly) {
            send();
            this._flush();
        }
    }

    _connectionEvents() {
        return {
            onHandshakeComplete: (info) => {
                clearTimeout(this._handshakeTimer);
                this._log.info(`rfbridge: RFB ${info.version} with server ${info.serverVersion}, ` +
                    `${info.width}x${info.height} "${info.name}"`);
                this._events.emit('desktopname', { name: info.name });
                this._events.emit('resize', { width: info.width, height: info.height });
                this._events.emit('connect', { width: info.width, height: info.height, name: info.name });
            },
            // An image the display could not draw (it decodes them after the update) ends the session here.
            onFramebufferUpdate: () => this._display.finishUpdate((failure) => (failure === undefined
                ? this._updateDrawn() : this._fail(failure))),
            onDesktopResized: (width, height) => this._events.emit('resize', { width, height }),
            onDesktopResizeRefused: (message) => {
                this._log.info(`rfbridge: the server refused the desktop size: ${message}`);
                this._events.emit('resize-refused', { message });
            },
            onCursorShape: (shape) => {
                this._display.setCursor?.(shape.rgba, shape.width, shape.height, shape.hotX, shape.hotY);
                this._events.emit('cursor', shape);
            },
            onEncodingsFollowedLink: () => this._log.info(`rfbridge: link ${this.link.describe()}: now asking for ` +
                `${this.encodingChoice.describeQuality()}`),
            onBell: () => this._events.emit('bell', {}),
            onServerCutText: (text) => this._events.emit('clipboard', { text }),
            onClipboardDropped: (message) => {
                this._log.info(`rfbridge: clipboard not passed on: ${message}`);
                this._events.emit('clipboard-dropped', { message });
            },
            onLedState: (state) => this._events.emit('led-state', { state }),
            onDesktopName: (name) => this._events.emit('desktopname', { name }),
            onXvpAvailable: (version) => this._events.emit('xvp', { version }),
            onXvpFailed: () => this._events.emit('xvp-failed', {}),
            onCredentialsRequired: (types) => this._events.emit('credentialsrequired', { types }),
        };
    }

    _receive(bytes, arrivedAt) {
        if (this._closed) {
            return;
        }
        const chunk = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
        this._unfed.push({ bytes: chunk, arrivedAt });
        this._unfedBytes += chunk.length;
        this._pump();
    }

    _receiveEnd(info) {
        if (this._closed) {
            return;
        }
        this._transportEnded = true;
        this._unfed.push({ bytes: null, info });
        this._pump();
    }

    /**
     * Runs protocol steps until one is starved or the connection holds back, feeding it what the
     * transport delivered, then sends what they wrote. Re-entrant calls (a listener giving
     * credentials from inside an event, a display reporting a frame drawn at once) only ask for
     * another round.
     */
    _pump() {
        if (this._closed) {
            return;
        }
        if (this._pumping) {
            this._pumpAgain = true;
            return;
        }
        this._pumping = true;
        try {
            do {
                this._pumpAgain = false;
                this._step();
                this._feed();
                this._flush();
            } while (this._pumpAgain && !this._closed);
            if (!this._closed && this._unfedBytes > MAX_UNFED_BYTES) {
                this._fail(new RfbError(ErrorCode.LENGTH_OVER_LIMIT, 'the server sent more than the viewer asked ' +
                    `for while it was drawing (over ${MAX_UNFED_BYTES >> 20} MiB waiting)`));
            }
        } catch (error) {
            this._fail(error);
        } finally {
            this._pumping = false;
        }
    }

    _step() {
        while (!this._closed && this._connection.step()) {
            // each step consumed a message or changed state, or stopped in front of a held update
        }
    }

    /**
     * Hands what the transport delivered to the connection, in order, and steps it, until the
     * connection holds back (the next update waits for the display): the rest then waits here
     * until _updateDrawn.
     */
    _feed() {
        while (!this._closed && this._unfedHead < this._unfed.length && !this._connection.holdsBack()) {
            const chunk = this._unfed[this._unfedHead];
            if (chunk.bytes === null && this._connection.awaitingConsumer) {
                // The end waits behind the update the display still draws.
                return;
            }
            this._unfed[this._unfedHead++] = undefined;
            if (this._unfedHead === this._unfed.length) {
                this._unfed = [];
                this._unfedHead = 0;
            } else if (this._unfedHead >= 1024 && this._unfedHead * 2 >= this._unfed.length) {
                // Dropped in batches, so that taking from the front stays cheap however much waits.
                this._unfed = this._unfed.slice(this._unfedHead);
                this._unfedHead = 0;
            }
            if (chunk.bytes === null) {
                this._transportClosed(chunk.info);
                return;
            }
            this._unfedBytes -= chunk.bytes.length;
            this._connection.receive(chunk.bytes, chunk.arrivedAt);
            this._step();
        }
    }

    _updateDrawn() {
        if (this.connected) {
            this._connection.updateConsumed();
            // The update held back for the display, and what follows it.
            this._pump();
        }
    }

    _flush() {
        if (this._closed || !this._connection.hasOutput()) {
            return;
        }
        if (this._transportEnded) {
            // Nobody to send to: the session ends as the server ended it, once the bytes before the end are read.
            this._connection.takeOutput();
            return;
        }
        try {
            this._transport.send(this._connection.takeOutput());
        } catch (error) {
            this._fail(new RfbError(ErrorCode.TRANSPORT_FAILED, `sending failed: ${error?.message ?? error}`));
        }
    }

    _transportClosed({ reason }) {
        if (this._closed) {
            return;
        }
        let failure;
        try {
            this._connection.endOfStream();
        } catch (error) {
            failure = error;
        }
        const message = describeFailure(failure) + (reason ? ` (${reason})` : '');
        this._log.info(`rfbridge: ${message}`);
        this._end();
        if (failure.code !== ErrorCode.END_OF_STREAM) {
            this._events.emit('error', { message, code: failure.code, kind: failure.kind, error: failure });
        }
        this._events.emit('disconnect', { clean: false, reason: message, code: failure.code });
    }

    _handshakeTimedOut(ms) {
        if (!this._closed && this._connection.state !== ConnectionState.NORMAL) {
            this._fail(new RfbError(ErrorCode.TIMEOUT, `the server did not complete the handshake within ${ms} ms`));
        }
    }

    _fail(error) {
        if (this._closed) {
            return;
        }
        const failure = error instanceof RfbError ? error : new RfbError(ErrorCode.INTERNAL, String(error?.message ?? error));
        const message = describeFailure(failure);
        this._log.error(`rfbridge: ${message}`, failure.kind === 'internal' ? error : '');
        this._end();
        this._events.emit('error', { message, code: failure.code, kind: failure.kind, error: failure });
        this._events.emit('disconnect', { clean: false, reason: message, code: failure.code });
    }

    _end() {
        this._closed = true;
        this._unfed = [];
        this._unfedHead = 0;
        this._unfedBytes = 0;
        clearTimeout(this._handshakeTimer);
        try {
            this._transport.close();
        } catch (error) {
            this._log.warn('rfbridge: closing the transport failed', error);
        }
    }
}
