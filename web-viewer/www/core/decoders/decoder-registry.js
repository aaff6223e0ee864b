// SPDX-License-Identifier: Apache-2.0

import { Encoding, describeEncoding } from '../encodings.js';
import { CopyRectDecoder } from './copy-rect-decoder.js';
import { HextileDecoder } from './hextile-decoder.js';
import { RawDecoder } from './raw-decoder.js';
import { RreDecoder } from './rre-decoder.js';
import { TightDecoder } from './tight-decoder.js';
import { ZlibDecoder } from './zlib-decoder.js';
import { ZrleDecoder } from './zrle-decoder.js';

/**
 * Pseudo-encodings whose rectangles the message reader understands; they need no decoder. In the
 * order DEFAULT_ENCODINGS announces them, the Java core's DecoderRegistry.standard() order: the
 * best cursor first.
 */
export const READER_PSEUDO_ENCODINGS = Object.freeze([Encoding.CURSOR_WITH_ALPHA, Encoding.CURSOR, Encoding.X_CURSOR,
    Encoding.DESKTOP_SIZE, Encoding.LAST_RECT, Encoding.EXTENDED_DESKTOP_SIZE, Encoding.FENCE,
    Encoding.CONTINUOUS_UPDATES, Encoding.EXTENDED_CLIPBOARD, Encoding.QEMU_EXTENDED_KEY_EVENT, Encoding.QEMU_LED_STATE,
    Encoding.DESKTOP_NAME, Encoding.XVP]);

/** Every pixel encoding this core decodes, in the Java core's DecoderRegistry.standard() order. */
const FACTORIES = new Map([
    [Encoding.COPY_RECT, () => new CopyRectDecoder()],
    [Encoding.RAW, () => new RawDecoder()],
    [Encoding.ZRLE, () => new ZrleDecoder()],
    [Encoding.TIGHT, () => TightDecoder.tight()],
    [Encoding.HEXTILE, () => new HextileDecoder()],
    [Encoding.ZLIB, () => new ZlibDecoder()],
    [Encoding.RRE, () => new RreDecoder()],
    [Encoding.TIGHT_PNG, () => TightDecoder.tightPng()],
]);

/**
 * Every encoding this core handles, pixel encodings first, in the Java core's DecoderRegistry.standard()
 * order. What a session announces, and in which order, is AdaptiveEncoding's choice from these.
 */
export const DEFAULT_ENCODINGS = Object.freeze([...FACTORIES.keys(), ...READER_PSEUDO_ENCODINGS]);

/**
 * The encodings a client announces with SetEncodings, in order of preference, and the decoders of
 * the pixel ones (the Java core's DecoderRegistry).
 */
export class DecoderRegistry {
    /**
     * @param {number[]} encodings pixel encodings this client decodes and reader pseudo-encodings
     * @throws {RangeError} for an encoding this client cannot handle
     */
    constructor(encodings = DEFAULT_ENCODINGS) {
        for (const encoding of encodings) {
            if (!FACTORIES.has(encoding) && !READER_PSEUDO_ENCODINGS.includes(encoding)) {
                throw new RangeError(`no decoder for ${describeEncoding(encoding)}`);
            }
        }
        this._encodings = Object.freeze([...new Set(encodings)]);
    }

    /** Every encoding this core decodes and the reader's pseudo-encodings (the default). */
    static standard() {
        return new DecoderRegistry(DEFAULT_ENCODINGS);
    }

    /** Every encoding this core can handle. */
    static known() {
        return [...FACTORIES.keys(), ...READER_PSEUDO_ENCODINGS];
    }

    /** The encodings in preference order, as SetEncodings sends them. */
    get encodings() {
        return this._encodings;
    }

    supports(encoding) {
        return this._encodings.includes(encoding);
    }

    /** New decoder instances for one connection, by encoding; pseudo-encodings have none. */
    createDecoders() {
        const decoders = new Map();
        for (const encoding of this._encodings) {
            const factory = FACTORIES.get(encoding);
            if (factory) {
                decoders.set(encoding, factory());
            }
        }
        return decoders;
    }
}
