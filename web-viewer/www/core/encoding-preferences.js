// SPDX-License-Identifier: Apache-2.0

import { Encoding } from './encodings.js';

/** Quality or compression left to the viewer. */
const AUTO = -1;
/** Quality "none": lossless only, no JPEG. */
const LOSSLESS = -2;

/**
 * What the user asked for about encodings (the Java core's EncodingPreferences): a preferred
 * encoding (or the viewer's choice), a JPEG quality level 0..9 (or the viewer's choice from the
 * link, or none: lossless), a compression level 0..9 (or the viewer's choice), TurboVNC's fine JPEG
 * quality 1..100 and chroma subsampling where a server understands them, or, for tests and tools,
 * exactly the list to announce. Immutable: the `with...` methods return a new one.
 *
 * Whatever is left to the viewer follows the measured link (adaptive-encoding.js).
 */
export class EncodingPreferences {
    static AUTO = AUTO;
    static LOSSLESS = LOSSLESS;

    /**
     * @param {object} fields
     * @param {number|null} [fields.preferred] an encoding to put first, or null
     * @param {boolean} [fields.alone] `preferred` as the only pixel encoding
     * @param {number} [fields.quality] 0..9, AUTO or LOSSLESS
     * @param {number} [fields.compression] 0..9 or AUTO
     * @param {number} [fields.fineQuality] 1..100 or AUTO
     * @param {number|null} [fields.subsampling] one of Encoding.SUBSAMPLING_*, or null
     * @param {number[]|null} [fields.exactly] announce this list and nothing else, or null
     * @throws {RangeError} for a level out of range, or `alone` without `preferred`
     */
    constructor({ preferred = null, alone = false, quality = AUTO, compression = AUTO, fineQuality = AUTO,
        subsampling = null, exactly = null } = {}) {
        if (quality !== AUTO && quality !== LOSSLESS && !isLevel(quality, 0, 9)) {
            throw new RangeError(`quality ${quality} is outside 0..9`);
        }
        if (compression !== AUTO && !isLevel(compression, 0, 9)) {
            throw new RangeError(`compression ${compression} is outside 0..9`);
        }
        if (fineQuality !== AUTO && !isLevel(fineQuality, 1, 100)) {
            throw new RangeError(`JPEG quality ${fineQuality} is outside 1..100`);
        }
        if (alone && preferred === null) {
            throw new RangeError('an encoding alone needs the encoding');
        }
        this.preferred = preferred;
        this.alone = Boolean(alone);
        this.quality = quality;
        this.compression = compression;
        this.fineQuality = fineQuality;
        this.subsampling = subsampling;
        this.exactly = exactly === null ? null : Object.freeze([...exactly]);
        Object.freeze(this);
    }

    /** Everything left to the viewer. */
    static auto() {
        return new EncodingPreferences();
    }

    /** Announce exactly `encodings`, in that order, and never change them. */
    static exactly(encodings) {
        return new EncodingPreferences({ exactly: encodings });
    }

    /** `encoding` first; the others stay announced for what it cannot carry. */
    preferring(encoding) {
        return this._with({ preferred: encoding, alone: false });
    }

    /** The viewer's own order of encodings again. */
    anyEncoding() {
        return this._with({ preferred: null, alone: false });
    }

    /** `encoding` as the only pixel encoding (with the pseudo-encodings). */
    only(encoding) {
        return this._with({ preferred: encoding, alone: true });
    }

    withQuality(level) {
        return this._with({ quality: level });
    }

    withCompression(level) {
        return this._with({ compression: level });
    }

    /** TurboVNC's fine JPEG quality 1..100, with `chromaSubsampling` one of Encoding.SUBSAMPLING_* or null. */
    withJpeg(jpegQuality, chromaSubsampling) {
        return this._with({ fineQuality: jpegQuality, subsampling: chromaSubsampling });
    }

    _with(changes) {
        return new EncodingPreferences({ ...this, ...changes });
    }

    /**
     * Parses the user's words for a quality: "auto", "lossless" (or "none"), or 0..9.
     * @throws {RangeError} saying what is accepted
     */
    static parseQuality(text) {
        const t = String(text).trim().toLowerCase();
        if (t === 'auto') {
            return AUTO;
        }
        if (t === 'lossless' || t === 'none') {
            return LOSSLESS;
        }
        return parseLevel(t, 'quality', 'auto, lossless or 0..9');
    }

    /** Parses "auto" or 0..9. */
    static parseCompression(text) {
        const t = String(text).trim().toLowerCase();
        return t === 'auto' ? AUTO : parseLevel(t, 'compression', 'auto or 0..9');
    }

    /** Parses a subsampling name: "1x" (none), "2x" (4:2:2), "4x" (4:2:0), "gray". */
    static parseSubsampling(text) {
        switch (String(text).trim().toLowerCase()) {
        case '1x': case '444': case 'none': return Encoding.SUBSAMPLING_1X;
        case '2x': case '422': return Encoding.SUBSAMPLING_2X;
        case '4x': case '420': return Encoding.SUBSAMPLING_4X;
        case 'gray': case 'grey': return Encoding.SUBSAMPLING_GRAY;
        default: throw new RangeError(`unknown subsampling '${text}' (known: 1x, 2x, 4x, gray)`);
        }
    }
}

function isLevel(value, min, max) {
    return Number.isInteger(value) && value >= min && value <= max;
}

// The words Java's Integer.parseInt takes: an optional sign and decimal digits.
function parseLevel(text, what, accepted) {
    if (/^[+-]?\d+$/.test(text)) {
        const level = Number(text);
        if (level >= 0 && level <= 9) {
            return level;
        }
    }
    throw new RangeError(`${what} '${text}' is not ${accepted}`);
}
