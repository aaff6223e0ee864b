// SPDX-License-Identifier: Apache-2.0

import { EncodingPreferences } from '../core/encoding-preferences.js';
import { Encoding, encodingName, pixelEncoding } from '../core/encodings.js';

/*
 * The page's words for encoding preferences, shared by its URL (page-options.js) and its settings
 * menu (main.js), so a link and a menu choice mean the same: `encoding` ("auto" or one of
 * ENCODINGS), `quality` ("auto", "lossless", "0".."9", noVNC's parameter) and `compression`
 * ("auto", "0".."9", noVNC's too). No DOM.
 */

/** The pixel encodings a user may put first, as the JavaFX viewer's menu offers them (and TightPNG). */
const ENCODINGS = Object.freeze([Encoding.TIGHT, Encoding.ZRLE, Encoding.HEXTILE, Encoding.ZLIB, Encoding.RRE,
    Encoding.RAW, Encoding.TIGHT_PNG]);

/** The choices of each setting as [word, label], in menu order. */
export const SETTING_CHOICES = Object.freeze({
    encoding: Object.freeze([['auto', 'Auto (Tight)'],
        ...ENCODINGS.map((encoding) => [encodingName(encoding).toLowerCase(), encodingName(encoding)])]),
    quality: Object.freeze([['auto', 'Auto (from the link)'], ['lossless', 'Lossless'],
        ...[9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map((level) => [String(level), `JPEG ${level}`])]),
    compression: Object.freeze([['auto', 'Auto'],
        ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((level) => [String(level), String(level)])]),
});

function parseEncoding(word) {
    const text = word.trim().toLowerCase();
    if (text === 'auto') {
        return null;
    }
    let encoding = null;
    try {
        encoding = pixelEncoding(text);
    } catch {
        // refused below, with the page's own list
    }
    if (!ENCODINGS.includes(encoding)) {
        throw new RangeError(`encoding '${word}' is not ${SETTING_CHOICES.encoding.map(([w]) => w).join(', ')}`);
    }
    return encoding;
}

/**
 * `base` with the settings given as words; a setting that is absent (null or undefined) stays as
 * `base` has it, one that does not parse too, with the reason in `refused`.
 * @param {{encoding?: string|null, quality?: string|null, compression?: string|null}} words
 * @param {EncodingPreferences} [base]
 * @returns {{preferences: EncodingPreferences, refused: string[]}}
 */
export function applySettings(words, base = EncodingPreferences.auto()) {
    let preferences = base;
    const refused = [];
    const apply = (word, change) => {
        if (word === null || word === undefined) {
            return;
        }
        try {
            preferences = change(word);
        } catch (error) {
            refused.push(error.message);
        }
    };
    apply(words.encoding, (word) => {
        const encoding = parseEncoding(word);
        return encoding === null ? preferences.anyEncoding() : preferences.preferring(encoding);
    });
    apply(words.quality, (word) => preferences.withQuality(EncodingPreferences.parseQuality(word)));
    apply(words.compression, (word) => preferences.withCompression(EncodingPreferences.parseCompression(word)));
    return { preferences, refused };
}

/** The words of `preferences`, one of SETTING_CHOICES each (for the menu to show them). */
export function settingsOf(preferences) {
    const level = (value) => (value === EncodingPreferences.AUTO ? 'auto'
        : value === EncodingPreferences.LOSSLESS ? 'lossless' : String(value));
    return {
        encoding: preferences.preferred === null ? 'auto' : encodingName(preferences.preferred).toLowerCase(),
        quality: level(preferences.quality),
        compression: level(preferences.compression),
    };
}
