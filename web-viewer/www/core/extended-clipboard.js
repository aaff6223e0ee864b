// SPDX-License-Identifier: Apache-2.0

import { Inflate } from '../vendor/pako/pako_inflate.esm.min.mjs';
import { deflate } from '../vendor/pako/pako_deflate.esm.min.mjs';
import { ErrorCode } from './error-codes.js';
import { RfbError } from './errors.js';
import { toLf } from './server-text.js';

export const TEXT = 0x1;
export const CAPS = 0x01000000;
export const REQUEST = 0x02000000;
export const PEEK = 0x04000000;
export const NOTIFY = 0x08000000;
export const PROVIDE = 0x10000000;
const ACTIONS = CAPS | REQUEST | PEEK | NOTIFY | PROVIDE;
/** An extended message may be this much longer than the text limit: flags, lengths and zlib's framing. */
export const MESSAGE_ALLOWANCE = 1024;
/** pako's inflate result codes: a stream that ended, asked for a dictionary, or broke. */
const Z_OK = 0;
const Z_STREAM_END = 1;
/** zlib's flush mode that hands out what the input so far inflates to. */
const Z_SYNC_FLUSH = 2;

/** The longest extended message the reader takes; longer ones are skipped as they stream past. */
export function maxMessageBytes(limit) {
    return limit + MESSAGE_ALLOWANCE;
}

/** Caps (whose other action bits list what the sender supports), or exactly one other action. */
export function checkActions(flags) {
    const actions = flags & ACTIONS;
    let count = 0;
    for (let bit = actions; bit !== 0; bit &= bit - 1) {
        count++;
    }
    if ((actions & CAPS) === 0 && count !== 1) {
        throw new RfbError(ErrorCode.BAD_MESSAGE, `ExtendedClipboard message with actions 0x` +
            `${(actions >>> 0).toString(16).padStart(8, '0')}: exactly one is allowed`);
    }
}

const u32 = (value) => new Uint8Array([value >>> 24, value >>> 16 & 0xff, value >>> 8 & 0xff, value & 0xff]);

/** Thrown from pako's data callback once the text is out, so nothing past it is inflated. */
const ENOUGH = Symbol('enough');

/**
 * The extended clipboard (UTF-8 text both ways) of one session, as protocol-tests/EXTENSIONS.md
 * describes it (the Java core's ExtendedClipboard): what the server's caps allow, the text this
 * client offered, and the answers to the server's caps, notify, request, peek and provide. A
 * provide is inflated only as far as its text, so a zlib bomb costs nothing.
 */
export class ExtendedClipboard {
    /**
     * @param {{sendExtended(flags: number, data: Uint8Array): void, sendLegacy(text: string): void,
     *          text(text: string): void, dropped(message: string): void}} peer where answers go
     * @param {number} limit the viewer's limit in bytes, both ways
     */
    constructor(peer, limit) {
        this._peer = peer;
        this._limit = limit;
        this._on = false;
        this._serverFlags = 0;
        this._serverTextLimit = 0;
        this._offered = null;
    }

    /** Whether the server's caps came: from then on text goes as extended messages. */
    get on() {
        return this._on;
    }

    /** An extended message from the server: flags checked by checkActions, then its data. */
    received(flags, data) {
        if ((flags & CAPS) !== 0) {
            this._caps(flags, data);
            return;
        }
        switch (flags & ACTIONS) {
        case NOTIFY:
            if ((flags & TEXT) !== 0) {
                this._peer.sendExtended(REQUEST | TEXT, new Uint8Array(0));
            }
            break;
        case REQUEST:
            if ((flags & TEXT) !== 0) {
                this._peer.sendExtended(PROVIDE | (this._offered === null ? 0 : TEXT), provideData(this._offered));
            }
            break;
        case PEEK:
            this._peer.sendExtended(NOTIFY | (this._offered === null ? 0 : TEXT), new Uint8Array(0));
            break;
        case PROVIDE:
            if ((flags & TEXT) !== 0) {
                this._provided(data);
            }
            break;
        default:
            throw new Error(`unchecked actions ${flags}`);
        }
    }

    _caps(flags, data) {
        let formats = 0;
        for (let bit = flags & 0xffff; bit !== 0; bit &= bit - 1) {
            formats++;
        }
        if (data.length < formats * 4) {
            throw new RfbError(ErrorCode.BAD_MESSAGE, `ExtendedClipboard caps of ${data.length + 4} bytes lists ` +
                `${formats} formats, which need ${formats * 4 + 4}`);
        }
        this._serverFlags = flags;
        // Sizes come in bit order, so text's, if listed, is the first.
        this._serverTextLimit = (flags & TEXT) !== 0
            ? ((data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3]) >>> 0 : 0;
        this._on = true;
        this._peer.sendExtended(ACTIONS | TEXT, u32(this._limit));
    }

    _provided(data) {
        const text = inflateText(data, this._limit);
        if (text.tooLong !== undefined) {
            this._peer.dropped(`the server's clipboard text of ${text.tooLong} bytes is over this viewer's limit ` +
                `of ${this._limit} bytes`);
            return;
        }
        const bytes = text.bytes;
        const end = bytes.length > 0 && bytes[bytes.length - 1] === 0 ? bytes.length - 1 : bytes.length;
        let decoded;
        try {
            decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, end));
        } catch {
            this._peer.dropped("the server's clipboard text is not UTF-8");
            return;
        }
        this._peer.text(toLf(decoded));
    }

    /** The viewer's clipboard changed: offer `text` by the server's caps, or send it the legacy way. */
    offer(text) {
        if (!this._on || (this._serverFlags & TEXT) === 0) {
            this._peer.sendLegacy(text);
            return;
        }
        const bytes = new TextEncoder().encode(toLf(text).replace(/\n/g, '\r\n') + '\0');
        if (bytes.length > this._limit) {
            this._peer.dropped(`the clipboard text of ${bytes.length} bytes is over this viewer's limit of ` +
                `${this._limit} bytes`);
            return;
        }
        if (this._serverTextLimit !== 0 && bytes.length > this._serverTextLimit) {
            this._peer.dropped(`the clipboard text of ${bytes.length} bytes is over the server's limit of ` +
                `${this._serverTextLimit} bytes`);
            return;
        }
        if ((this._serverFlags & NOTIFY) !== 0) {
            this._offered = bytes;
            this._peer.sendExtended(NOTIFY | TEXT, new Uint8Array(0));
        } else if ((this._serverFlags & PROVIDE) !== 0) {
            this._offered = bytes;
            this._peer.sendExtended(PROVIDE | TEXT, provideData(bytes));
        } else {
            this._peer.sendLegacy(text);
        }
    }
}

/** A provide's zlib stream: the text's length and bytes, or nothing when `text` is null. */
function provideData(text) {
    if (text === null) {
        return deflate(new Uint8Array(0));
    }
    const plain = new Uint8Array(4 + text.length);
    plain.set(u32(text.length), 0);
    plain.set(text, 4);
    return deflate(plain);
}

/**
 * Inflates a provide's data only as far as its text: {bytes} with the text, or {tooLong} with the
 * length it announced when that is over `limit` (nothing past the length is inflated then).
 */
function inflateText(data, limit) {
    const inflater = new Inflate({ windowBits: 15 });
    let out = new Uint8Array(4);
    let filled = 0;
    let size = -1;
    let tooLong;
    inflater.onData = (chunk) => {
        let at = 0;
        while (at < chunk.length) {
            const take = Math.min(chunk.length - at, out.length - filled);
            out.set(chunk.subarray(at, at + take), filled);
            filled += take;
            at += take;
            if (filled < out.length) {
                continue;
            }
            if (size >= 0) {
                throw ENOUGH;
            }
            size = ((out[0] << 24) | (out[1] << 16) | (out[2] << 8) | out[3]) >>> 0;
            if (size > limit) {
                tooLong = size;
                throw ENOUGH;
            }
            out = new Uint8Array(size);
            filled = 0;
            if (size === 0) {
                throw ENOUGH;
            }
        }
    };
    try {
        inflater.push(data, Z_SYNC_FLUSH);
    } catch (e) {
        if (e !== ENOUGH) {
            throw e;
        }
        return tooLong !== undefined ? { tooLong } : { bytes: out };
    }
    // A stream that broke or asks for a dictionary is not one; one that ended or stopped did so too early.
    if (inflater.err !== Z_OK && inflater.err !== Z_STREAM_END) {
        throw new RfbError(ErrorCode.BAD_COMPRESSED_DATA, "the server's clipboard data is not valid zlib");
    }
    throw new RfbError(ErrorCode.BAD_COMPRESSED_DATA, "the server's clipboard data ends inside its text");
}
