// SPDX-License-Identifier: Apache-2.0

import { readCursor } from './cursor-reader.js';
import { Encoding, describeEncoding, encodingName } from './encodings.js';
import { RawDecoder } from './decoders/raw-decoder.js';
import { ErrorCode } from './error-codes.js';
import { RfbError } from './errors.js';
import { COLOUR_MAP_SIZE, MAX_STRING_BYTES, checkFramebufferSize } from './limits.js';
import { decodeServerText, latin1, toLf } from './server-text.js';
import { checkActions, maxMessageBytes } from './extended-clipboard.js';
import { MAX_FENCE_PAYLOAD } from './continuous-updates.js';
import { SCREEN_BYTES, ScreenLayout } from './screen-layout.js';

/** Server message types (RFC 6143 section 7.6). */
export const ServerMessageType = Object.freeze({
    FRAMEBUFFER_UPDATE: 0,
    SET_COLOUR_MAP_ENTRIES: 1,
    BELL: 2,
    SERVER_CUT_TEXT: 3,
    END_OF_CONTINUOUS_UPDATES: 150,
    XVP: 250,
    FENCE: 248,
});

/** Pseudo-encodings that announce messages, never rectangles. */
const MESSAGE_PSEUDO_ENCODINGS = new Set([Encoding.FENCE, Encoding.CONTINUOUS_UPDATES, Encoding.EXTENDED_CLIPBOARD,
    Encoding.XVP]);

const RECT_HEADER_SIZE = 12;
const COLOUR_ENTRY_SIZE = 6;

const State = Object.freeze({
    MESSAGE_START: 'MESSAGE_START',
    RECT_HEADER: 'RECT_HEADER',
    RECT_BODY: 'RECT_BODY',
    COLOUR_MAP_ENTRIES: 'COLOUR_MAP_ENTRIES',
    SKIP_CUT_TEXT: 'SKIP_CUT_TEXT',
});

/**
 * Parses server-to-client messages (RFC 6143 section 7.6) in the normal phase of a session and
 * hands them to a handler: the Java core's ServerMessageReader, state for state. Numbers are
 * validated where read: rectangles against the framebuffer, colour map ranges against the map's
 * size, cut text against a cap above which the text is skipped as it streams past. Pixel
 * rectangles go to the decoder of their encoding; the pseudo-encodings (DesktopSize, LastRect, the
 * cursors, whose bodies cursor-reader.js reads) are read here, as they change the session rather
 * than paint pixels.
 *
 * The handler (the Java core's ServerMessageHandler) has `pixelFormat()`, `display()` (width,
 * height and the drawing calls), `framebufferUpdate(painted)`, `desktopSizeChanged(width, height)`,
 * `extendedDesktopSize(reason, status, width, height, layout)` (true if it resized the framebuffer),
 * `fence(flags, payload)`, `endOfContinuousUpdates()`,
 * `cursorShapeChanged({rgba, width, height, hotX, hotY})` (the shape readCursor returns),
 * `colourMapEntries(first, rgb)`, `bell()` and `serverCutText(text)`.
 */
export class ServerMessageReader {
    /**
     * @param {object} handler see the class comment
     * @param {import('./decoders/decoder-registry.js').DecoderRegistry} registry
     * @param {number} maxCutTextBytes
     * @param {import('./decode-stats.js').DecodeStats} stats counts updates and rectangles
     * @param {() => number} [now] milliseconds, for the time spent in decoders
     */
    constructor(handler, registry, maxCutTextBytes, stats, now = () => performance.now()) {
        this._handler = handler;
        this._registry = registry;
        // Whether the update being read changed the framebuffer (a pixel rectangle, a new size).
        this._painted = false;
        this._decoders = registry.createDecoders();
        if (!this._decoders.has(Encoding.RAW)) {
            this._decoders.set(Encoding.RAW, new RawDecoder());
        }
        this._maxCutTextBytes = maxCutTextBytes;
        this._state = State.MESSAGE_START;
        this._rectsRemaining = 0;
        this._rectIndex = 0;
        this._lastRectSeen = false;
        this._rect = null;
        this._decoder = null;
        this._firstColour = 0;
        this._colours = null;
        this._coloursRead = 0;
        this._cutTextToSkip = 0;
        this._stats = stats;
        this._now = now;
        this._rectStartConsumed = 0;
        this._rectMs = 0;
    }

    /** Whether the reader is between messages. */
    isBetweenMessages() {
        return this._state === State.MESSAGE_START;
    }

    /**
     * Processes the next message header, rectangle, or run of message data.
     * @returns {boolean} true when it made progress; false when it needs more bytes
     */
    read(input) {
        switch (this._state) {
        case State.MESSAGE_START: return this._readMessageStart(input);
        case State.RECT_HEADER: return this._readRectHeader(input);
        case State.RECT_BODY: return this._readRectBody(input);
        case State.COLOUR_MAP_ENTRIES: return this._readColourMapEntries(input);
        case State.SKIP_CUT_TEXT:
            this._cutTextToSkip -= input.skipAvailable(this._cutTextToSkip);
            if (this._cutTextToSkip > 0) {
                return false;
            }
            this._state = State.MESSAGE_START;
            return true;
        default:
            throw new Error(`reader in state ${this._state}`);
        }
    }

    _readMessageStart(input) {
        if (!input.has(1)) {
            return false;
        }
        const type = input.peekU8(0);
        switch (type) {
        case ServerMessageType.FRAMEBUFFER_UPDATE:
            if (!input.has(4)) {
                return false;
            }
            input.skip(2); // message-type, padding
            this._rectsRemaining = input.readU16(); // number-of-rectangles
            this._rectIndex = 0;
            this._lastRectSeen = false;
            if (this._rectsRemaining === 0) {
                this._finishUpdate();
            } else {
                this._state = State.RECT_HEADER;
            }
            return true;
        case ServerMessageType.SET_COLOUR_MAP_ENTRIES: {
            if (!input.has(6)) {
                return false;
            }
            input.skip(2); // message-type, padding
            this._firstColour = input.readU16(); // first-colour
            const count = input.readU16(); // number-of-colours
            if (this._firstColour + count > COLOUR_MAP_SIZE) {
                throw new RfbError(ErrorCode.BAD_COLOUR_MAP, `SetColourMapEntries ${this._firstColour}+${count} ` +
                    `goes past the ${COLOUR_MAP_SIZE} entries a colour map has`);
            }
            this._colours = new Uint8Array(count * 3);
            this._coloursRead = 0;
            this._state = State.COLOUR_MAP_ENTRIES;
            return true;
        }
        case ServerMessageType.BELL:
            input.skip(1); // message-type
            this._handler.bell();
            return true;
        case ServerMessageType.SERVER_CUT_TEXT:
            return this._readServerCutText(input);
        case ServerMessageType.END_OF_CONTINUOUS_UPDATES:
            if (!this._registry.supports(Encoding.CONTINUOUS_UPDATES)) {
                break;
            }
            input.skip(1); // message-type
            this._handler.endOfContinuousUpdates();
            return true;
        case ServerMessageType.FENCE:
            if (!this._registry.supports(Encoding.FENCE)) {
                break;
            }
            return this._readFence(input);
        case ServerMessageType.XVP: {
            if (!this._registry.supports(Encoding.XVP)) {
                break;
            }
            if (!input.has(4)) {
                return false;
            }
            input.skip(2); // message-type, padding
            const version = input.readU8(); // xvp-extension-version
            this._handler.xvp(version, input.readU8()); // xvp-message-code
            return true;
        }
        default:
            break;
        }
        throw new RfbError(ErrorCode.UNKNOWN_MESSAGE, `unknown server message type ${type}`);
    }

    _readFence(input) {
        if (!input.has(9)) {
            return false;
        }
        const length = input.peekU8(8);
        if (length > MAX_FENCE_PAYLOAD) {
            throw new RfbError(ErrorCode.BAD_MESSAGE,
                `Fence payload of ${length} bytes is over the ${MAX_FENCE_PAYLOAD} the message allows`);
        }
        if (!input.has(9 + length)) {
            return false;
        }
        input.skip(4); // message-type, padding
        const flags = input.readS32(); // flags
        input.skip(1); // length
        this._handler.fence(flags, input.readBytes(length)); // payload
        return true;
    }

    _readServerCutText(input) {
        if (!input.has(8)) {
            return false;
        }
        const signedLength = input.peekU32(4) | 0; // length
        if (signedLength < 0 && this._registry.supports(Encoding.EXTENDED_CLIPBOARD)) {
            return this._readExtendedClipboard(input, -signedLength);
        }
        const length = signedLength >>> 0;
        if (length > this._maxCutTextBytes) {
            input.skip(8); // message-type, padding, length
            this._handler.clipboardDropped(`the server's clipboard text of ${length} bytes is over this viewer's ` +
                `limit of ${this._maxCutTextBytes} bytes`);
            this._skipCutText(length);
            return true;
        }
        if (!input.has(8 + length)) {
            return false;
        }
        input.skip(8);
        this._handler.serverCutText(toLf(latin1(input.readBytes(length)))); // text
        return true;
    }

    // A negative length announces an extended message of that many bytes: flags, then the action's data.
    _readExtendedClipboard(input, length) {
        if (length < 4) {
            throw new RfbError(ErrorCode.BAD_MESSAGE,
                `ExtendedClipboard message of ${length} bytes is shorter than its 4-byte flags`);
        }
        const max = maxMessageBytes(this._maxCutTextBytes);
        if (length > max) {
            input.skip(8); // message-type, padding, length
            this._handler.clipboardDropped(`the server's clipboard message of ${length} bytes is over this ` +
                `viewer's limit of ${max} bytes`);
            this._skipCutText(length);
            return true;
        }
        if (!input.has(8 + length)) {
            return false;
        }
        input.skip(8); // message-type, padding, length
        const flags = input.readS32(); // flags
        checkActions(flags);
        this._handler.extendedClipboard(flags, input.readBytes(length - 4)); // data
        return true;
    }

    _skipCutText(length) {
        this._cutTextToSkip = length;
        this._state = State.SKIP_CUT_TEXT;
    }

    _readRectHeader(input) {
        if (!input.has(RECT_HEADER_SIZE)) {
            return false;
        }
        const rect = {
            x: input.readU16(), // x-position
            y: input.readU16(), // y-position
            width: input.readU16(), // width
            height: input.readU16(), // height
        };
        const encoding = input.readS32(); // encoding-type
        // RFC 6143 7.7.1: every client takes Raw, announced or not, and servers rely on it (Xvnc's RRE
        // falls back to Raw where subrectangles would cost more).
        if (!this._registry.supports(encoding) && encoding !== Encoding.RAW) {
            throw new RfbError(ErrorCode.UNKNOWN_ENCODING, `rectangle ${this._rectIndex + 1} of a FramebufferUpdate ` +
                `uses encoding ${describeEncoding(encoding)}, which this client did not ask for`);
        }
        if (MESSAGE_PSEUDO_ENCODINGS.has(encoding)) {
            throw new RfbError(ErrorCode.UNKNOWN_ENCODING, `rectangle ${this._rectIndex + 1} of a FramebufferUpdate ` +
                `uses encoding ${describeEncoding(encoding)}, which is no rectangle encoding`);
        }
        this._decoder = this._decoders.get(encoding) ?? null;
        if (this._decoder !== null) {
            const display = this._handler.display();
            if (rect.x + rect.width > display.width || rect.y + rect.height > display.height) {
                throw new RfbError(ErrorCode.RECT_OUT_OF_BOUNDS, `${encodingName(encoding)} rectangle ` +
                    `${rect.width}x${rect.height}+${rect.x}+${rect.y} lies outside the ` +
                    `${display.width}x${display.height} framebuffer`);
            }
        }
        rect.encoding = encoding;
        this._rect = rect;
        this._rectStartConsumed = input.consumed - RECT_HEADER_SIZE;
        this._rectMs = 0;
        this._state = State.RECT_BODY;
        return true;
    }

    _readRectBody(input) {
        if (this._decoder !== null) {
            const start = this._now();
            const done = this._decoder.decodeRect(this._rect, input, this._handler.pixelFormat(), this._handler.display());
            this._rectMs += this._now() - start;
            if (!done) {
                return false;
            }
            this._painted ||= this._rect.width > 0 && this._rect.height > 0;
        } else if (!this._readPseudoRect(input)) {
            return false;
        }
        this._stats.rectDone(this._rect.encoding, input.consumed - this._rectStartConsumed, this._rectMs);
        this._rectIndex++;
        this._rectsRemaining--;
        if (this._lastRectSeen || this._rectsRemaining === 0) {
            this._finishUpdate();
        } else {
            this._state = State.RECT_HEADER;
        }
        return true;
    }

    _readPseudoRect(input) {
        const rect = this._rect;
        switch (rect.encoding) {
        case Encoding.DESKTOP_SIZE:
            // RFC 6143 section 7.8.2: the rectangle's size is the new desktop size; no body.
            checkFramebufferSize('DesktopSize', rect.width, rect.height);
            this._handler.desktopSizeChanged(rect.width, rect.height);
            this._painted = true;
            return true;
        case Encoding.EXTENDED_DESKTOP_SIZE:
            return this._readExtendedDesktopSize(input);
        case Encoding.QEMU_EXTENDED_KEY_EVENT:
            this._handler.extendedKeyEventsOffered();
            return true;
        case Encoding.QEMU_LED_STATE:
            if (!input.has(1)) {
                return false;
            }
            this._handler.ledState(input.readU8() & 7); // LED state
            return true;
        case Encoding.DESKTOP_NAME:
            return this._readDesktopName(input);
        case Encoding.LAST_RECT:
            // Ends the update whatever its count said (servers not knowing it up front send 0xFFFF).
            this._lastRectSeen = true;
            return true;
        case Encoding.CURSOR:
        case Encoding.X_CURSOR:
        case Encoding.CURSOR_WITH_ALPHA: {
            const shape = readCursor(rect.encoding, rect, input, this._handler.pixelFormat());
            if (shape === null) {
                return false;
            }
            this._handler.cursorShapeChanged(shape);
            return true;
        }
        default:
            throw new Error(`no reader for ${describeEncoding(rect.encoding)}`);
        }
    }

    _readDesktopName(input) {
        if (!input.has(4)) {
            return false;
        }
        const length = input.peekU32(0); // name-length
        if (length > MAX_STRING_BYTES) {
            throw new RfbError(ErrorCode.LENGTH_OVER_LIMIT,
                `desktop name of ${length} bytes exceeds the ${MAX_STRING_BYTES}-byte limit`);
        }
        if (!input.has(4 + length)) {
            return false;
        }
        input.skip(4);
        this._handler.desktopName(decodeServerText(input.readBytes(length))); // name
        return true;
    }

    // The rectangle's x is why the size changed, its y whether it did; the body lists the screens.
    _readExtendedDesktopSize(input) {
        const rect = this._rect;
        checkFramebufferSize('ExtendedDesktopSize', rect.width, rect.height);
        if (!input.has(4)) {
            return false;
        }
        const count = input.peekU8(0); // number-of-screens
        if (!input.has(4 + count * SCREEN_BYTES)) {
            return false;
        }
        input.skip(4); // number-of-screens, padding
        const layout = ScreenLayout.read(input, count);
        const status = rect.y;
        if (status === 0) {
            layout.validate(rect.width, rect.height);
        }
        if (this._handler.extendedDesktopSize(rect.x, status, rect.width, rect.height, layout)) {
            this._painted = true;
        }
        return true;
    }

    _finishUpdate() {
        this._state = State.MESSAGE_START;
        this._stats.updateDone();
        const painted = this._painted;
        this._painted = false;
        this._handler.framebufferUpdate(painted);
    }

    _readColourMapEntries(input) {
        while (this._coloursRead < this._colours.length && input.has(COLOUR_ENTRY_SIZE)) {
            this._colours[this._coloursRead++] = input.readU16() >>> 8; // red
            this._colours[this._coloursRead++] = input.readU16() >>> 8; // green
            this._colours[this._coloursRead++] = input.readU16() >>> 8; // blue
        }
        if (this._coloursRead < this._colours.length) {
            return false;
        }
        this._state = State.MESSAGE_START;
        const done = this._colours;
        this._colours = null;
        this._handler.colourMapEntries(this._firstColour, done);
        return true;
    }

    /** Where the reader is, for end-of-stream messages: `pending` bytes are queued and unprocessed. */
    position(pending) {
        switch (this._state) {
        case State.MESSAGE_START: return pending === 0 ? 'between messages' : 'in the middle of a message';
        case State.RECT_HEADER:
        case State.RECT_BODY: return `in rectangle ${this._rectIndex + 1} of a FramebufferUpdate`;
        case State.COLOUR_MAP_ENTRIES: return 'in a SetColourMapEntries message';
        case State.SKIP_CUT_TEXT: return `in a ServerCutText message (${this._cutTextToSkip} bytes missing)`;
        default: return this._state;
        }
    }
}
