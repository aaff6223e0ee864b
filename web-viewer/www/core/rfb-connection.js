// SPDX-License-Identifier: Apache-2.0

import { AdaptiveEncoding } from './adaptive-encoding.js';
import { ClientMessageWriter } from './client-message-writer.js';
import { DecodeStats } from './decode-stats.js';
import { DecoderRegistry } from './decoders/decoder-registry.js';
import { EncodingPreferences } from './encoding-preferences.js';
import { Encoding } from './encodings.js';
import { ErrorCode } from './error-codes.js';
import { RfbError } from './errors.js';
import { Handshake } from './handshake.js';
import { ContinuousUpdates, FENCE_ANSWER_FLAGS, FenceFlag } from './continuous-updates.js';
import { DEFAULT_MAX_CUT_TEXT_BYTES } from './limits.js';
import { LinkEstimate } from './link-estimate.js';
import { RGBX32, validatePixelFormat, withColourMapEntries } from './pixel-format.js';
import { RfbInput } from './rfb-input.js';
import { RfbOutput } from './rfb-output.js';
import { DesktopSizeRequests } from './desktop-size-requests.js';
import { ExtendedClipboard } from './extended-clipboard.js';
import { SUPPORTED_SECURITY_TYPES } from './security/security-types.js';
import { ServerMessageReader, ServerMessageType } from './server-message-reader.js';

/** Phases of a session, in order; FAILED is terminal. The Java core's RfbConnection.State. */
/** Buffered bytes that stop reading while an update waits for the page, whatever they hold. */
export const HOLD_BACK_BYTES = 64 * 1024;

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
 * After the handshake the connection asks for its pixel format, announces the encodings its
 * AdaptiveEncoding chooses from the preferences and the registry, and requests the whole
 * framebuffer. The next incremental request goes out as soon as an update has been decoded, so
 * that the server encodes and sends the next one while the page draws this one; but that next
 * update is decoded only after the consumer calls updateConsumed(): until then step() stops in
 * front of it and holdsBack() tells the caller to stop feeding bytes, so a slow page slows the
 * server, one frame ahead at most, instead of queueing frames. Before each request the choice
 * follows the link as measured (LinkEstimate): when it changes, a SetEncodings goes first, and a
 * move to lossless makes the request a full one, so that JPEG's traces are redrawn.
 *
 * `events` (the Java core's ConnectionEvents; every method optional) hears onHandshakeComplete(
 * info), onFramebufferUpdate(), onDesktopResized(width, height), onCursorShape(shape), onBell(),
 * onServerCutText(text), onEncodingsFollowedLink() (the link changed what is asked for; the Java
 * core logs it there) and, as a page cannot block for a password, onCredentialsRequired(types):
 * set `credentials.password` (or `credentials.cancelled`) and step again.
 *
 * The handshake itself is Handshake's (handshake.js); this class runs the session that follows.
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
     * @param {DecoderRegistry} [options.decoders] what this client decodes (default: everything)
     * @param {EncodingPreferences} [options.encodingPreferences] what to ask for (default: auto)
     * @param {number} [options.maxCutTextBytes]
     * @param {() => number} [options.now] the clock in milliseconds (default performance.now)
     * @throws {RangeError} for preferences naming an encoding the registry cannot decode
     */
    constructor({ display, events = {}, securityTypes = SUPPORTED_SECURITY_TYPES, shared = true, pixelFormat = RGBX32,
        decoders = new DecoderRegistry(), encodingPreferences = EncodingPreferences.auto(),
        maxCutTextBytes = DEFAULT_MAX_CUT_TEXT_BYTES, now = () => performance.now() }) {
        if (securityTypes.length === 0 || securityTypes.some((t) => !SUPPORTED_SECURITY_TYPES.includes(t))) {
            throw new RangeError(`securityTypes must be some of ${SUPPORTED_SECURITY_TYPES.join(', ')}`);
        }
        if (pixelFormat !== 'server') {
            validatePixelFormat(pixelFormat);
        }
        this._display = display;
        this._events = events;
        this._requestedFormat = pixelFormat;
        this._decoders = decoders;
        this._maxCutTextBytes = maxCutTextBytes;
        this._now = now;
        // Made now so that bad preferences fail here; announced after ServerInit.
        this._encodingChoice = new AdaptiveEncoding(encodingPreferences, decoders);
        this._link = new LinkEstimate();
        this._stats = new DecodeStats();
        this._input = new RfbInput();
        this._out = new RfbOutput();
        this._writer = new ClientMessageWriter(this._out);
        this._clipboard = new ExtendedClipboard({
            sendExtended: (flags, data) => this._writer.extendedCutText(flags, data),
            sendLegacy: (text) => this._writer.clientCutText(text),
            text: (text) => this._events.onServerCutText?.(text),
            dropped: (message) => this._events.onClipboardDropped?.(message),
        }, maxCutTextBytes);
        this._extendedKeyEvents = false;
        this._xvpVersion = 0;
        /** What the user gave for the security handler; see the class comment. */
        this.credentials = {
            password: undefined,
            cancelled: false,
            request: (types) => this._events.onCredentialsRequired?.(types),
        };

        this._handshake = new Handshake({ securityTypes: [...securityTypes], shared, pixelFormat,
            credentials: this.credentials }, this._input, this._out);
        this._failure = null;
        this._info = null;
        this._width = 0;
        this._height = 0;
        this._pixelFormat = null;
        this._reader = null;
        this._requestOutstanding = false;
        this._awaitingConsumer = false;
        this._fullUpdateNeeded = false;
        this._continuous = new ContinuousUpdates(false);
        this._framebufferReplaced = false;
        this._updateRequestsSent = 0;
        // Remote resize: what the server said of its screens, and the size the viewer wants (null: none pending).
        this._desktopSizes = new DesktopSizeRequests();
    }

    /**
     * Appends bytes received from the server. The connection keeps them: do not modify them later.
     * @param {Uint8Array} bytes
     * @param {number} [arrivedAt] when the transport received them, on the `now` clock (default:
     *   now): the link is measured by when bytes arrived, not by when the session got round to them
     */
    receive(bytes, arrivedAt = this._now()) {
        if (bytes.length === 0) {
            // No bytes, so not the first bytes of an update either (a WebSocket message may be empty).
            return;
        }
        const start = this._input.appended;
        this._input.push(bytes);
        this._stats.received(bytes.length);
        this._link.arrived(arrivedAt, start, bytes.length);
    }

    /**
     * Whether the next update waits for the consumer (updateConsumed()): the caller should keep
     * further bytes back until then.
     */
    /** Whether the last update waits for the page to take it (updateConsumed). */
    get awaitingConsumer() {
        return this._awaitingConsumer;
    }

    holdsBack() {
        if (!this._awaitingConsumer || this._reader === null || !this._reader.isBetweenMessages()) {
            return false;
        }
        // Only an update has to wait: what comes between two (the Fence a server's flow control sends
        // after each one and waits on) is read and answered at once, not a drawn frame later. One
        // transport message at most lies buffered beyond the held update.
        return this._input.has(1) && this._input.peekU8(0) === ServerMessageType.FRAMEBUFFER_UPDATE
            || this._input.has(HOLD_BACK_BYTES);
    }

    /**
     * Processes the next unit of server data.
     * @returns {boolean} true when it made progress (call again); false when it needs more bytes
     * @throws {RfbError} the reason the session is over
     */
    step() {
        if (this._failure !== null) {
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
        this._failure = error;
        return error;
    }

    /**
     * Reports that the server's byte stream ended, and throws the error that describes it: an
     * authentication failure if the server closed while its failure reason was due (some servers
     * omit it), otherwise end-of-stream saying where the stream stopped.
     */
    endOfStream() {
        if (this._failure !== null) {
            throw this._failure;
        }
        if (!this._handshake.complete) {
            throw this._fail(this._handshake.endOfStream(this._stats.bytesReceived > 0));
        }
        const where = this._reader.isBetweenMessages() && this._input.available === 0
            ? '' : ` ${this._reader.position(this._input.available)}`;
        throw this._fail(new RfbError(ErrorCode.END_OF_STREAM, `the server closed the connection${where}`));
    }

    _advance() {
        if (this._handshake.complete) {
            if (this._awaitingConsumer && this._reader.isBetweenMessages() && this._input.has(1)
                && this._input.peekU8(0) === ServerMessageType.FRAMEBUFFER_UPDATE) {
                // The page still draws the last update: the next must not be drawn over it yet.
                return false;
            }
            return this._reader.read(this._input);
        }
        const progressed = this._handshake.step();
        if (this._handshake.complete) {
            this._begin(this._handshake.info);
        }
        return progressed;
    }

    // After ServerInit (RFC 6143 section 7.4): the client's pixel format and encodings, then the first request.
    _begin(info) {
        this._info = info;
        this._width = info.width;
        this._height = info.height;
        this._pixelFormat = info.pixelFormat;
        this._display.resize(info.width, info.height);
        this._reader = new ServerMessageReader(this._handler(), this._decoders, this._maxCutTextBytes, this._stats,
            this._now);
        if (this._requestedFormat !== 'server') {
            this._writer.setPixelFormat(this._pixelFormat);
        }
        this._writer.setEncodings(this._encodingChoice.encodings);
        this._continuous = new ContinuousUpdates(this._decoders.supports(Encoding.FENCE)
            && this._decoders.supports(Encoding.CONTINUOUS_UPDATES));
        this._requestUpdate(false);
        this._events.onHandshakeComplete?.(this._info);
    }

    _requestUpdate(incremental) {
        const full = !incremental || this._followLink();
        this._writer.framebufferUpdateRequest(!full, 0, 0, this._width, this._height);
        this._updateRequestsSent++;
        this._requestOutstanding = true;
        // In continuous mode updates come whether asked for or not: the wait for the next is no round trip.
        this._link.requested(this._now(), !this._continuous.enabled);
    }

    /**
     * Asks for other encodings if the link calls for them; returns whether the whole framebuffer
     * must be sent again, because what JPEG left inexact would stay so until it changes.
     */
    _followLink() {
        if (!this._encodingChoice.follow(this._link)) {
            return false;
        }
        this._writer.setEncodings(this._encodingChoice.encodings);
        this._events.onEncodingsFollowedLink?.();
        return this._encodingChoice.quality === EncodingPreferences.LOSSLESS;
    }

    /**
     * Tells the connection that the consumer has drawn the last framebuffer update, so the next
     * may be decoded (step again); the next incremental update is requested now if none is
     * outstanding. Harmless when there is nothing to acknowledge.
     */
    updateConsumed() {
        this._requireNormal();
        this._awaitingConsumer = false;
        this._requestNextUpdate();
    }

    _requestNextUpdate() {
        // In continuous mode the server sends changes unasked; only a full refresh needs a request.
        if (!this._requestOutstanding && (!this._continuous.enabled || this._fullUpdateNeeded)) {
            this._requestUpdate(!this._fullUpdateNeeded);
            this._fullUpdateNeeded = false;
        }
    }

    /**
     * Asks the server to make the desktop `width`x`height` (clamped to 1..16384), keeping its
     * screens (ScreenLayout.resizedTo). Sent now if the server has shown it takes SetDesktopSize and
     * no earlier request is unanswered; otherwise kept, the latest size only, until then. The answer
     * comes as a resize or as onDesktopResizeRefused.
     * @throws {RangeError} for a width or height that is not a number
     */
    requestDesktopSize(width, height) {
        this._requireNormal();
        // Refused here, not clamped: a NaN kept for later would fail the session when it falls due.
        if (typeof width !== 'number' || typeof height !== 'number' || Number.isNaN(width) || Number.isNaN(height)) {
            throw new RangeError(`desktop size ${width}x${height} is not a number`);
        }
        this._desktopSizes.want(width, height);
        this._sendWantedDesktopSize();
    }

    _sendWantedDesktopSize() {
        const due = this._desktopSizes.due(this._width, this._height);
        if (due !== null) {
            this._writer.setDesktopSize(due.width, due.height, due.layout);
        }
    }

    /** Whether the server takes SetDesktopSize (it sent an ExtendedDesktopSize). */
    get serverTakesDesktopSize() {
        return this._desktopSizes.serverTakesThem;
    }

    /** The server's screens as it last reported them; empty if it never did. */
    get screenLayout() {
        return this._desktopSizes.layout;
    }

    /** Whether the server sends updates unasked (continuous updates are on). */
    get continuousUpdates() {
        return this._continuous.enabled;
    }

    /** How many FramebufferUpdateRequests the session has sent. */
    get updateRequestsSent() {
        return this._updateRequestsSent;
    }

    /**
     * Asks for encodings by `preferences` from now on: once connected, a SetEncodings at once, which
     * the server applies to the updates after it; before, they replace those the session starts with.
     * @param {EncodingPreferences} preferences
     * @throws {TypeError|RangeError} for preferences this connection cannot take (see AdaptiveEncoding)
     */
    setEncodingPreferences(preferences) {
        if (this._failure !== null) {
            throw new Error(`the connection failed earlier: ${this._failure.message}`);
        }
        const wasLossless = this._encodingChoice.quality === EncodingPreferences.LOSSLESS;
        this._encodingChoice = this._encodingChoice.with(preferences);
        if (this.state === ConnectionState.NORMAL) {
            this._encodingChoice.follow(this._link);
            this._writer.setEncodings(this._encodingChoice.encodings);
            if (!wasLossless && this._encodingChoice.quality === EncodingPreferences.LOSSLESS) {
                // What JPEG left inexact would stay so until it changes.
                this._fullUpdateNeeded = true;
                if (!this._requestOutstanding && !this._awaitingConsumer) {
                    this._requestNextUpdate();
                }
            }
        }
    }

    /** Requests the whole framebuffer now (a non-incremental FramebufferUpdateRequest). */
    requestFullUpdate() {
        this._requireNormal();
        this._requestUpdate(false);
    }

    /**
     * Sends a key with the XT scancode of the physical key (QEMU's form; 0 when unknown): as QEMU's
     * extended key event once the server showed it takes them, else as a KeyEvent.
     */
    sendKeyEvent(keysym, down, scancode = 0) {
        this._requireNormal();
        if (this._extendedKeyEvents && scancode !== 0) {
            this._writer.qemuExtendedKeyEvent(down, keysym, scancode);
        } else {
            this._writer.keyEvent(down, keysym);
        }
    }

    /** Whether keys go with their scancodes (the server sent QEMU's extended key event rectangle). */
    get extendedKeyEvents() {
        return this._extendedKeyEvents;
    }

    /** Asks for a power action (2 shutdown, 3 reboot, 4 reset); nothing before the server offered XVP. */
    sendXvp(code) {
        this._requireNormal();
        if (this._xvpVersion > 0) {
            this._writer.xvp(code);
        }
    }

    /** Sends a PointerEvent, the position clamped (and rounded) into the framebuffer. */
    sendPointerEvent(x, y, buttonMask) {
        this._requireNormal();
        const cx = Math.max(0, Math.min(this._width - 1, Math.round(x)));
        const cy = Math.max(0, Math.min(this._height - 1, Math.round(y)));
        this._writer.pointerEvent(buttonMask, cx, cy);
    }

    /**
     * Offers the page's clipboard text to the server: UTF-8 through the extended clipboard once the
     * server's caps came, else ClientCutText (Latin-1; other characters become "?", line ends become
     * LF). Text over a limit is not sent: onClipboardDropped says so.
     */
    sendClientCutText(text) {
        this._requireNormal();
        this._clipboard.offer(text);
    }

    _requireNormal() {
        if (this.state !== ConnectionState.NORMAL) {
            throw new Error(`the connection is ${this.state}, not NORMAL`);
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

    /** FAILED once anything failed, else where the handshake is (NORMAL after it). */
    get state() {
        return this._failure !== null ? ConnectionState.FAILED : this._handshake.state;
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

    /** What has been received and decoded so far, as a DecodeStatsSnapshot. */
    get stats() {
        return this._stats.snapshot();
    }

    /** The link as measured so far. */
    get link() {
        return this._link;
    }

    /** What the session asks the server for (an AdaptiveEncoding), null before ServerInit. */
    get encodingChoice() {
        return this._info === null ? null : this._encodingChoice;
    }

    /** The preferences the session asks by (set at construction or by setEncodingPreferences). */
    get encodingPreferences() {
        return this._encodingChoice.preferences;
    }

    _handler() {
        return {
            pixelFormat: () => this._pixelFormat,
            display: () => this._display,
            framebufferUpdate: (painted) => {
                this._requestOutstanding = false;
                this._link.updateDone(this._input.consumed);
                // An update that painted nothing (Xvnc's first carries only ExtendedDesktopSize) leaves the
                // page nothing to draw, so the next need not wait for it.
                this._awaitingConsumer = painted;
                this._sendWantedDesktopSize();
                if (this._continuous.enabled) {
                    this._fullUpdateNeeded ||= this._followLink();
                    if (this._framebufferReplaced) {
                        this._writer.enableContinuousUpdates(true, 0, 0, this._width, this._height);
                    }
                    this._link.requested(this._now(), false);
                }
                this._framebufferReplaced = false;
                // Asked for now, the next update is on its way while the page draws this one.
                this._requestNextUpdate();
                const probe = this._continuous.probeDue(this._now());
                if (probe !== null) {
                    this._writer.fence(FenceFlag.REQUEST, probe);
                }
                this._events.onFramebufferUpdate?.();
            },
            desktopSizeChanged: (width, height) => this._desktopSizeChanged(width, height),
            extendedDesktopSize: (reason, status, width, height, layout) => {
                const refusal = this._desktopSizes.received(reason, status, layout);
                if (refusal !== null) {
                    this._events.onDesktopResizeRefused?.(refusal);
                }
                if (status !== 0 || (width === this._width && height === this._height)) {
                    return false;
                }
                this._desktopSizeChanged(width, height);
                return true;
            },
            fence: (flags, payload) => {
                if ((flags & FenceFlag.REQUEST) !== 0) {
                    // Everything before it is handled and everything after will be, in order: answer at once.
                    this._writer.fence(flags & FENCE_ANSWER_FLAGS, payload);
                } else {
                    const sentAt = this._continuous.probeAnswered(payload);
                    if (sentAt !== null) {
                        this._link.roundTrip(sentAt, this._input.consumed);
                    }
                }
                if (this._continuous.serverSentFence()) {
                    this._enableContinuousUpdates();
                }
            },
            endOfContinuousUpdates: () => {
                const wasOn = this._continuous.enabled;
                if (this._continuous.serverSentEnd()) {
                    this._enableContinuousUpdates();
                } else if (wasOn) {
                    this._requestNextUpdate();
                }
            },
            cursorShapeChanged: (shape) => this._events.onCursorShape?.(shape),
            colourMapEntries: (first, rgb) => {
                this._pixelFormat = withColourMapEntries(this._pixelFormat, first, rgb);
            },
            bell: () => this._events.onBell?.(),
            serverCutText: (text) => this._events.onServerCutText?.(text),
            extendedClipboard: (flags, data) => this._clipboard.received(flags, data),
            clipboardDropped: (message) => this._events.onClipboardDropped?.(message),
            extendedKeyEventsOffered: () => {
                this._extendedKeyEvents = true;
            },
            ledState: (state) => this._events.onLedState?.(state),
            desktopName: (name) => this._events.onDesktopName?.(name),
            xvp: (version, code) => {
                if (version !== 1) {
                    return;
                }
                if (code === 1) {
                    this._xvpVersion = version;
                    this._events.onXvpAvailable?.(version);
                } else if (code === 0) {
                    this._events.onXvpFailed?.();
                }
            },
        };
    }

    _desktopSizeChanged(width, height) {
        this._width = width;
        this._height = height;
        this._display.resize(width, height);
        this._fullUpdateNeeded = true;
        this._framebufferReplaced = true;
        this._events.onDesktopResized?.(width, height);
    }

    _enableContinuousUpdates() {
        this._writer.enableContinuousUpdates(true, 0, 0, this._width, this._height);
    }
}
