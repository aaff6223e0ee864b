// SPDX-License-Identifier: Apache-2.0

import { READER_PSEUDO_ENCODINGS } from './decoders/decoder-registry.js';
import { EncodingPreferences } from './encoding-preferences.js';
import { COMPRESS_LEVEL_0, Encoding, FINE_QUALITY_LEVEL_0, QUALITY_LEVEL_0, describeEncoding, isPixelEncoding }
    from './encodings.js';

/**
 * `fineQuality` is the fine JPEG quality (with 4:2:2 subsampling) sent beside the level, for servers
 * that take it; the others use the level. The Java core's AdaptiveEncoding.Tier says what it was
 * measured against (rfb-client/core/bench/JPEG-QUALITY.md): no fewer dB PSNR than the level, in
 * fewer or the same bytes.
 */
function tier(name, ordinal, from, quality, compression, fineQuality = EncodingPreferences.AUTO) {
    return Object.freeze({ name, ordinal, from, quality, compression, fineQuality });
}

/** The link tiers, slowest first: from how many bits a second each starts, its quality and compression. */
export const Tier = Object.freeze({
    VERY_SLOW: tier('VERY_SLOW', 0, 0, 2, 9),
    SLOW: tier('SLOW', 1, 1_000_000, 4, 6),
    MEDIUM: tier('MEDIUM', 2, 4_000_000, 6, 2, 80),
    FAST: tier('FAST', 3, 16_000_000, 8, 1, 93),
    /** Its bandwidth is the tier below's: a LAN is told by its round trip. */
    LAN: tier('LAN', 4, 16_000_000, EncodingPreferences.LOSSLESS, 1),
});
const TIERS = Object.freeze(Object.values(Tier));

/** How far past a tier's edge the bandwidth must go to change tier. */
const HYSTERESIS = 1.25;
/** Round trips up to this are a LAN's (with the bandwidth of the tier below). */
const LAN_ROUND_TRIP_MS = 2;
/** Round trips over this are not a LAN's. */
const WAN_ROUND_TRIP_MS = 5;

/** The pixel encodings in the viewer's own order of preference, each announced if decodable. */
const AUTO_ORDER = Object.freeze([
    Encoding.TIGHT, Encoding.COPY_RECT, Encoding.ZRLE, Encoding.HEXTILE, Encoding.ZLIB, Encoding.RRE,
    Encoding.RAW, Encoding.TIGHT_PNG,
]);

/**
 * What a session announces with SetEncodings, chosen from the user's EncodingPreferences and, for
 * what they leave open, from the measured link (the Java core's AdaptiveEncoding). Like TigerVNC's
 * viewer it asks for Tight first, and lets the bandwidth set the JPEG quality: 8 down to 16 Mbit/s,
 * then 6, 4 and 2 as it slows, and lossless on a LAN. A change of tier needs the bandwidth 25% past
 * the tier's edge, so that a link near an edge does not flap.
 *
 * A LAN is told by its round trip, not its bandwidth: on a fast link the server's encoder, not the
 * link, sets the pace at which an update's bytes arrive, so the measured bandwidth of a LAN is only
 * a lower bound. A round trip of 2 ms or less with at least 16 Mbit/s is a LAN; one above 5 ms is not.
 *
 * Runs on the page's one thread, changed by RfbConnection only.
 */
export class AdaptiveEncoding {
    /**
     * @param {EncodingPreferences} preferences
     * @param {import('./decoders/decoder-registry.js').DecoderRegistry} registry what this client decodes
     * @throws {TypeError} when `preferences` is not an EncodingPreferences
     * @throws {RangeError} when they name a pixel encoding the registry cannot decode: the server would
     *   send it, and the reader refuse it
     */
    constructor(preferences, registry) {
        if (!(preferences instanceof EncodingPreferences)) {
            throw new TypeError('encoding preferences must be an EncodingPreferences');
        }
        const named = preferences.exactly ?? (preferences.preferred === null ? [] : [preferences.preferred]);
        for (const encoding of named) {
            if ((isPixelEncoding(encoding) || READER_PSEUDO_ENCODINGS.includes(encoding)) && !registry.supports(encoding)) {
                throw new RangeError(`no decoder for ${describeEncoding(encoding)}`);
            }
        }
        this._preferences = preferences;
        this._registry = registry;
        /** Before anything is measured: what noVNC asks for, fine from a LAN down to a few Mbit/s. */
        this._tier = Tier.MEDIUM;
    }

    /**
     * New preferences for the same link: the tier measured so far carries over.
     * @param {EncodingPreferences} preferences
     * @returns {AdaptiveEncoding}
     * @throws {TypeError|RangeError} as the constructor
     */
    with(preferences) {
        const next = new AdaptiveEncoding(preferences, this._registry);
        next._tier = this._tier;
        return next;
    }

    /** What the user asked for. */
    get preferences() {
        return this._preferences;
    }

    /** The tier the link is in now (one of Tier). */
    get tier() {
        return this._tier;
    }

    /** The SetEncodings list for now, most preferred first. */
    get encodings() {
        const preferences = this._preferences;
        if (preferences.exactly !== null) {
            return preferences.exactly;
        }
        const list = [];
        if (preferences.preferred !== null && this._registry.supports(preferences.preferred)) {
            list.push(preferences.preferred);
        }
        if (!preferences.alone) {
            for (const encoding of AUTO_ORDER) {
                if (this._registry.supports(encoding) && !list.includes(encoding)) {
                    list.push(encoding);
                }
            }
            for (const encoding of this._registry.encodings) {
                if (!READER_PSEUDO_ENCODINGS.includes(encoding) && !list.includes(encoding)) {
                    list.push(encoding);
                }
            }
        }
        const quality = this.quality;
        if (quality >= 0) {
            list.push(QUALITY_LEVEL_0 + quality);
        }
        if (preferences.fineQuality !== EncodingPreferences.AUTO) {
            list.push(FINE_QUALITY_LEVEL_0 + preferences.fineQuality);
            if (preferences.subsampling !== null) {
                list.push(preferences.subsampling);
            }
        } else if (preferences.quality === EncodingPreferences.AUTO && this._tier.fineQuality !== EncodingPreferences.AUTO) {
            list.push(FINE_QUALITY_LEVEL_0 + this._tier.fineQuality);
            list.push(Encoding.SUBSAMPLING_2X);
        }
        list.push(COMPRESS_LEVEL_0 + this.compression);
        for (const encoding of this._registry.encodings) {
            if (READER_PSEUDO_ENCODINGS.includes(encoding)) {
                list.push(encoding);
            }
        }
        return Object.freeze(list);
    }

    /** The JPEG quality level asked for: 0..9, or EncodingPreferences.LOSSLESS. */
    get quality() {
        return this._preferences.quality === EncodingPreferences.AUTO ? this._tier.quality : this._preferences.quality;
    }

    /** The compression level asked for, 0..9. */
    get compression() {
        return this._preferences.compression === EncodingPreferences.AUTO
            ? this._tier.compression : this._preferences.compression;
    }

    /** What is asked of the JPEG quality, for a status line: "JPEG quality 6, auto", "lossless". */
    describeQuality() {
        if (this._preferences.exactly !== null) {
            return 'fixed encodings';
        }
        const quality = this.quality;
        const words = quality === EncodingPreferences.LOSSLESS ? 'lossless' : `JPEG quality ${quality}`;
        return this._preferences.quality === EncodingPreferences.AUTO ? `${words}, auto` : words;
    }

    /** Whether the measured link can change what is announced. */
    get adapts() {
        const preferences = this._preferences;
        return preferences.exactly === null
            && (preferences.quality === EncodingPreferences.AUTO || preferences.compression === EncodingPreferences.AUTO);
    }

    /**
     * Moves to the tier the link's bandwidth calls for, past the hysteresis.
     * @param {import('./link-estimate.js').LinkEstimate} link
     * @returns {boolean} whether `encodings` changed, so that a new SetEncodings is due
     */
    follow(link) {
        const bandwidth = link.bitsPerSecond;
        if (!this.adapts || Number.isNaN(bandwidth)) {
            return false;
        }
        let wanted = this._tier === Tier.LAN ? Tier.FAST : this._tier;
        while (wanted.ordinal + 1 < Tier.LAN.ordinal && bandwidth >= TIERS[wanted.ordinal + 1].from * HYSTERESIS) {
            wanted = TIERS[wanted.ordinal + 1];
        }
        while (wanted.ordinal > 0 && bandwidth * HYSTERESIS < wanted.from) {
            wanted = TIERS[wanted.ordinal - 1];
        }
        const roundTrip = link.roundTripMs;
        if (wanted === Tier.FAST && roundTrip >= 0) {
            const lan = this._tier === Tier.LAN ? roundTrip <= WAN_ROUND_TRIP_MS
                : roundTrip <= LAN_ROUND_TRIP_MS && bandwidth >= Tier.FAST.from * HYSTERESIS;
            wanted = lan ? Tier.LAN : Tier.FAST;
        }
        if (wanted === this._tier) {
            return false;
        }
        const before = this.encodings;
        this._tier = wanted;
        const after = this.encodings;
        return before.length !== after.length || before.some((encoding, i) => encoding !== after[i]);
    }
}
