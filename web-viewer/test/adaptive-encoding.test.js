// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AdaptiveEncoding, Tier } from '../www/core/adaptive-encoding.js';
import { DecodeStats } from '../www/core/decode-stats.js';
import { DecoderRegistry } from '../www/core/decoders/decoder-registry.js';
import { EncodingPreferences } from '../www/core/encoding-preferences.js';
import {
    COMPRESS_LEVEL_0, Encoding, FINE_QUALITY_LEVEL_0, QUALITY_LEVEL_0, describeEncoding, pixelEncoding,
} from '../www/core/encodings.js';
import { LinkEstimate, MIN_ONE_CHUNK_BYTES, MIN_SAMPLE_BYTES } from '../www/core/link-estimate.js';

/*
 * The twin of the Java core's AdaptiveEncodingTest, case for case (milliseconds where Java has
 * nanoseconds), and then what only this core has to say.
 */

/**
 * One large update measured at `mbits` Mbit/s, `roundTrip` ms after its request: a first chunk of
 * one packet, then 1 MB more in one chunk that arrives as long after it as the link takes.
 */
function measure(link, mbits, clock, roundTrip = 10) {
    const first = 1448;
    const rest = 1_000_000;
    const ms = rest * 8 / (mbits * 1e6) * 1e3;
    link.requested(clock.now);
    clock.now += roundTrip;
    link.arrived(clock.now, clock.consumed, first);
    clock.consumed += first;
    clock.now += ms;
    link.arrived(clock.now, clock.consumed, rest);
    clock.consumed += rest;
    link.updateDone(clock.consumed);
}

function measureTimes(times, link, mbits, clock, roundTrip) {
    for (let i = 0; i < times; i++) {
        measure(link, mbits, clock, roundTrip);
    }
}

const auto = () => new AdaptiveEncoding(EncodingPreferences.auto(), DecoderRegistry.standard());
const newClock = () => ({ now: 0, consumed: 0 });

describe('AdaptiveEncoding (the Java twin\'s cases)', () => {
    test('starts with Tight at noVNC\'s quality and announces every decoder', () => {
        const list = auto().encodings;
        assert.equal(list[0], Encoding.TIGHT);
        assert.ok(list.includes(QUALITY_LEVEL_0 + 6));
        assert.ok(list.includes(COMPRESS_LEVEL_0 + 2));
        for (const encoding of DecoderRegistry.standard().encodings) {
            assert.ok(list.includes(encoding), describeEncoding(encoding));
        }
    });

    test('a slow link lowers the quality and a fast one goes lossless', () => {
        const choice = auto();
        const link = new LinkEstimate();
        const clock = newClock();
        measureTimes(20, link, 0.5, clock);
        assert.equal(choice.follow(link), true);
        assert.equal(choice.quality, 2);
        assert.equal(choice.compression, 9);
        measureTimes(20, link, 2000, clock);
        assert.equal(choice.follow(link), true);
        assert.equal(choice.quality, 8, 'fast, but 10 ms away: not a LAN');
        const lan = new LinkEstimate();
        measureTimes(20, lan, 40, clock, 0.5);
        assert.equal(choice.follow(lan), true);
        assert.equal(choice.quality, EncodingPreferences.LOSSLESS, 'half a millisecond away: a LAN');
        assert.equal(choice.encodings.some((e) => e >= QUALITY_LEVEL_0 && e <= QUALITY_LEVEL_0 + 9), false,
            'no JPEG quality level: lossless');
        assert.equal(choice.follow(lan), false, 'nothing changes while the link stays');
    });

    test('a link near a tier edge does not flap', () => {
        const choice = auto();
        const link = new LinkEstimate();
        const clock = newClock();
        // Medium starts at 4 Mbit/s and fast at 16: 18 Mbit/s is past the edge but inside the hysteresis.
        measureTimes(20, link, 18, clock);
        assert.equal(choice.follow(link), false);
        assert.equal(choice.quality, 6);
        measureTimes(20, link, 3.5, clock);
        assert.equal(choice.follow(link), false, '3.5 Mbit/s is within 25% of medium\'s 4');
        measureTimes(20, link, 25, clock);
        assert.equal(choice.follow(link), true);
        assert.equal(choice.quality, 8);
    });

    test('what the user fixed stays fixed', () => {
        const fixed = EncodingPreferences.auto().preferring(Encoding.ZRLE).withQuality(3).withCompression(7);
        const choice = new AdaptiveEncoding(fixed, DecoderRegistry.standard());
        const link = new LinkEstimate();
        measure(link, 0.1, newClock());
        assert.equal(choice.follow(link), false);
        const list = choice.encodings;
        assert.equal(list[0], Encoding.ZRLE);
        assert.ok(list.includes(QUALITY_LEVEL_0 + 3));
        assert.ok(list.includes(COMPRESS_LEVEL_0 + 7));
    });

    test('an encoding alone is the only pixel encoding announced', () => {
        const choice = new AdaptiveEncoding(EncodingPreferences.auto().only(Encoding.HEXTILE)
            .withJpeg(85, Encoding.SUBSAMPLING_2X), DecoderRegistry.standard());
        assert.deepEqual(choice.encodings, [Encoding.HEXTILE, QUALITY_LEVEL_0 + 6, FINE_QUALITY_LEVEL_0 + 85,
            Encoding.SUBSAMPLING_2X, COMPRESS_LEVEL_0 + 2, Encoding.CURSOR_WITH_ALPHA, Encoding.CURSOR, Encoding.X_CURSOR,
            Encoding.DESKTOP_SIZE, Encoding.LAST_RECT,
            Encoding.EXTENDED_DESKTOP_SIZE, Encoding.FENCE, Encoding.CONTINUOUS_UPDATES,
            Encoding.EXTENDED_CLIPBOARD, Encoding.QEMU_EXTENDED_KEY_EVENT, Encoding.QEMU_LED_STATE, Encoding.DESKTOP_NAME,
            Encoding.XVP]);
    });

    test('small updates and one-chunk updates measure the round trip but not the bandwidth', () => {
        const link = new LinkEstimate();
        link.requested(0);
        link.arrived(40, 0, 100);
        link.updateDone(100);
        assert.equal(link.roundTripMs, 40);
        assert.ok(Number.isNaN(link.bitsPerSecond));
        link.requested(50);
        link.arrived(90, 100, 3000);
        link.updateDone(3100);
        assert.ok(Number.isNaN(link.bitsPerSecond), '3000 bytes in one chunk say nothing');
        link.requested(100);
        link.arrived(125, 3100, 1000);
        link.arrived(200, 4100, 500_000);
        link.arrived(225, 504_100, 500_000);
        link.arrived(300, 1_004_100, 7);
        link.updateDone(1_004_100);
        assert.equal(link.roundTripMs, 25, 'the shortest recent wait');
        assert.ok(Math.abs(link.bitsPerSecond - 80e6) <= 1e3,
            `1 MB after the first chunk in the 100 ms to its last byte: ${link.bitsPerSecond}`);
        link.requested(400);
        link.arrived(401, 1_004_107, 64 * 1024);
        link.updateDone(1_004_107 + 64 * 1024);
        assert.ok(link.bitsPerSecond > 80e6, '64 KiB in one chunk: faster than a read can time');
    });

    test('user words are parsed or refused with what is accepted', () => {
        assert.equal(EncodingPreferences.parseQuality('lossless'), EncodingPreferences.LOSSLESS);
        assert.equal(EncodingPreferences.parseQuality('7'), 7);
        assert.equal(EncodingPreferences.parseCompression('auto'), EncodingPreferences.AUTO);
        assert.equal(pixelEncoding('tight'), Encoding.TIGHT);
        assert.equal(pixelEncoding('TightPNG'), Encoding.TIGHT_PNG);
        assert.throws(() => pixelEncoding('h264'), (error) => error instanceof RangeError
            && error.message.includes('tight, zrle, hextile'));
        assert.throws(() => EncodingPreferences.parseQuality('10'), RangeError);
    });
});

describe('AdaptiveEncoding, beyond the Java twin\'s cases', () => {
    test('the whole default list, in order', () => {
        assert.deepEqual(auto().encodings, [Encoding.TIGHT, Encoding.COPY_RECT, Encoding.ZRLE, Encoding.HEXTILE,
            Encoding.ZLIB, Encoding.RRE, Encoding.RAW, Encoding.TIGHT_PNG, QUALITY_LEVEL_0 + 6,
            FINE_QUALITY_LEVEL_0 + 80, Encoding.SUBSAMPLING_2X, COMPRESS_LEVEL_0 + 2, Encoding.CURSOR_WITH_ALPHA, Encoding.CURSOR, Encoding.X_CURSOR, Encoding.DESKTOP_SIZE, Encoding.LAST_RECT,
            Encoding.EXTENDED_DESKTOP_SIZE, Encoding.FENCE, Encoding.CONTINUOUS_UPDATES,
            Encoding.EXTENDED_CLIPBOARD, Encoding.QEMU_EXTENDED_KEY_EVENT, Encoding.QEMU_LED_STATE, Encoding.DESKTOP_NAME,
            Encoding.XVP]);
        assert.equal(auto().tier, Tier.MEDIUM);
        assert.equal(auto().describeQuality(), 'JPEG quality 6, auto');
    });

    test('the registry limits what is announced, and preferences must name what it decodes', () => {
        const registry = new DecoderRegistry([Encoding.RAW, Encoding.HEXTILE, Encoding.CURSOR]);
        assert.deepEqual(new AdaptiveEncoding(EncodingPreferences.auto(), registry).encodings,
            [Encoding.HEXTILE, Encoding.RAW, QUALITY_LEVEL_0 + 6, FINE_QUALITY_LEVEL_0 + 80, Encoding.SUBSAMPLING_2X,
                COMPRESS_LEVEL_0 + 2, Encoding.CURSOR]);
        assert.throws(() => new AdaptiveEncoding(EncodingPreferences.auto().preferring(Encoding.TIGHT), registry),
            /no decoder for Tight \(7\)/);
        assert.throws(() => new AdaptiveEncoding(EncodingPreferences.exactly([Encoding.ZRLE]), registry), RangeError);
        assert.throws(() => new AdaptiveEncoding({ quality: 3 }, registry), TypeError);
    });

    test('exactly a list is announced as given, never adapts, and says so', () => {
        const choice = new AdaptiveEncoding(EncodingPreferences.exactly([Encoding.RAW, Encoding.CURSOR]),
            DecoderRegistry.standard());
        const link = new LinkEstimate();
        measure(link, 0.1, newClock());
        assert.equal(choice.adapts, false);
        assert.equal(choice.follow(link), false);
        assert.deepEqual(choice.encodings, [Encoding.RAW, Encoding.CURSOR]);
        assert.equal(choice.describeQuality(), 'fixed encodings');
    });

    test('a fixed quality with auto compression still follows the link, for the compression', () => {
        const choice = new AdaptiveEncoding(EncodingPreferences.auto().withQuality(EncodingPreferences.LOSSLESS),
            DecoderRegistry.standard());
        const link = new LinkEstimate();
        measureTimes(20, link, 0.5, newClock());
        assert.equal(choice.adapts, true);
        assert.equal(choice.follow(link), true);
        assert.equal(choice.compression, 9);
        assert.equal(choice.quality, EncodingPreferences.LOSSLESS);
        assert.equal(choice.describeQuality(), 'lossless');
    });

    test('new preferences keep the measured tier, and announce a preferred encoding only if it is decoded', () => {
        const choice = auto();
        const clock = newClock();
        const lan = new LinkEstimate();
        measureTimes(20, lan, 40, clock, 1);
        assert.equal(choice.follow(lan), true);
        assert.equal(choice.tier, Tier.LAN);
        const compressed = choice.with(EncodingPreferences.auto().withCompression(5));
        assert.equal(compressed.tier, Tier.LAN);
        assert.equal(compressed.preferences.compression, 5);
        assert.equal(choice.preferences.compression, EncodingPreferences.AUTO, 'the old choice is unchanged');
        const slower = new LinkEstimate();
        measureTimes(20, slower, 40, clock, 4);
        assert.equal(compressed.follow(slower), false, '4 ms keeps a LAN a LAN');
        const fresh = new AdaptiveEncoding(EncodingPreferences.auto().withCompression(5), DecoderRegistry.standard());
        assert.equal(fresh.follow(slower), true);
        assert.equal(fresh.tier, Tier.FAST, 'but does not make one');
        assert.throws(() => choice.with({ quality: 3 }), TypeError, 'checked as the constructor checks');

        const registry = new DecoderRegistry([Encoding.RAW, Encoding.CURSOR]);
        const unknown = new AdaptiveEncoding(EncodingPreferences.auto().preferring(Encoding.QEMU_AUDIO), registry);
        assert.deepEqual(unknown.encodings, [Encoding.RAW, QUALITY_LEVEL_0 + 6, FINE_QUALITY_LEVEL_0 + 80,
            Encoding.SUBSAMPLING_2X, COMPRESS_LEVEL_0 + 2, Encoding.CURSOR],
            'a pseudo-encoding this client does not know is not asked for');
    });

    test('a LAN stays a LAN up to 5 ms and leaves above it', () => {
        const choice = auto();
        const clock = newClock();
        const lan = new LinkEstimate();
        measureTimes(20, lan, 40, clock, 1);
        assert.equal(choice.follow(lan), true);
        assert.equal(choice.tier, Tier.LAN);
        const slower = new LinkEstimate();
        measureTimes(20, slower, 40, clock, 4);
        assert.equal(choice.follow(slower), false, '4 ms: still a LAN');
        const far = new LinkEstimate();
        measureTimes(20, far, 40, clock, 6);
        assert.equal(choice.follow(far), true);
        assert.equal(choice.tier, Tier.FAST);
        assert.equal(choice.describeQuality(), 'JPEG quality 8, auto');
    });
});

describe('EncodingPreferences', () => {
    test('levels out of range and an encoding alone without one are refused', () => {
        assert.throws(() => EncodingPreferences.auto().withQuality(10), /quality 10 is outside 0\.\.9/);
        assert.throws(() => EncodingPreferences.auto().withCompression(-3), /compression -3 is outside 0\.\.9/);
        assert.throws(() => EncodingPreferences.auto().withJpeg(0, null), /JPEG quality 0 is outside 1\.\.100/);
        assert.throws(() => new EncodingPreferences({ alone: true }), /an encoding alone needs the encoding/);
        assert.throws(() => EncodingPreferences.parseCompression('fast'), /compression 'fast' is not auto or 0\.\.9/);
        assert.throws(() => EncodingPreferences.parseQuality('high'), /quality 'high' is not auto, lossless or 0\.\.9/);
    });

    test('is immutable: each change is a new one', () => {
        const base = EncodingPreferences.auto();
        const zrle = base.preferring(Encoding.ZRLE).withQuality(EncodingPreferences.LOSSLESS);
        assert.equal(base.preferred, null);
        assert.equal(zrle.preferred, Encoding.ZRLE);
        assert.equal(zrle.anyEncoding().preferred, null);
        assert.equal(zrle.anyEncoding().quality, EncodingPreferences.LOSSLESS);
        assert.equal(zrle.only(Encoding.RAW).alone, true);
        assert.equal(zrle.only(Encoding.RAW).preferring(Encoding.RAW).alone, false);
        assert.throws(() => {
            base.quality = 3;
        }, TypeError, 'frozen (modules are strict)');
        const list = [Encoding.RAW];
        const exactly = EncodingPreferences.exactly(list);
        list.push(Encoding.TIGHT);
        assert.deepEqual(exactly.exactly, [Encoding.RAW], 'a copy of the list');
        assert.deepEqual(EncodingPreferences.auto(), new EncodingPreferences());
    });

    test('subsampling names, and words in any case with spaces', () => {
        assert.equal(EncodingPreferences.parseSubsampling('2X'), Encoding.SUBSAMPLING_2X);
        assert.equal(EncodingPreferences.parseSubsampling('420'), Encoding.SUBSAMPLING_4X);
        assert.equal(EncodingPreferences.parseSubsampling('grey'), Encoding.SUBSAMPLING_GRAY);
        assert.equal(EncodingPreferences.parseSubsampling('none'), Encoding.SUBSAMPLING_1X);
        assert.throws(() => EncodingPreferences.parseSubsampling('3x'), /unknown subsampling '3x' \(known: 1x, 2x, 4x, gray\)/);
        assert.equal(EncodingPreferences.parseQuality(' None '), EncodingPreferences.LOSSLESS);
        assert.equal(EncodingPreferences.parseQuality('AUTO'), EncodingPreferences.AUTO);
        assert.equal(EncodingPreferences.parseCompression(' 0 '), 0);
    });
});

describe('LinkEstimate', () => {
    test('says what it has measured', () => {
        const link = new LinkEstimate();
        assert.equal(link.describe(), 'bandwidth not measured yet');
        link.requested(0);
        link.arrived(41.2, 0, 1000);
        assert.equal(link.describe(), 'bandwidth not measured yet, 41 ms');
        link.arrived(41.2 + 100, 1000, 292_500);
        link.updateDone(1000 + 292_500);
        assert.equal(link.describe(), '23.4 Mbit/s, 41 ms');
        assert.equal(link.samples, 1);
        const fast = new LinkEstimate();
        fast.requested(0);
        fast.arrived(1, 0, 1000);
        fast.arrived(2, 1000, 250_000);
        fast.updateDone(251_000);
        assert.equal(fast.describe(), '2.0 Gbit/s, 1 ms');
    });

    test('averages new samples with weight 0.35, and keeps the shortest of the last 16 round trips', () => {
        const link = new LinkEstimate();
        const clock = newClock();
        measure(link, 10, clock, 3);
        measure(link, 20, clock, 50);
        assert.ok(Math.abs(link.bitsPerSecond - 13.5e6) < 1, String(link.bitsPerSecond));
        assert.equal(link.roundTripMs, 3);
        for (let i = 0; i < 15; i++) {
            measure(link, 10, clock, 50);
        }
        assert.equal(link.roundTripMs, 50, 'the 3 ms one is 17 requests old');
    });

    test('counts an update only from a request, once, and only from its first bytes', () => {
        const link = new LinkEstimate();
        link.arrived(5, 0, 100_000);
        link.updateDone(100_000);
        assert.equal(link.roundTripMs, -1, 'bytes nobody asked for');
        link.requested(20);
        link.requested(25);
        link.arrived(30, 100_000, 1000);
        link.arrived(130, 101_000, MIN_SAMPLE_BYTES);
        link.updateDone(101_000 + MIN_SAMPLE_BYTES);
        assert.equal(link.roundTripMs, 10, 'from the first request to the first bytes');
        assert.ok(Math.abs(link.bitsPerSecond - MIN_SAMPLE_BYTES * 8 / 0.1) < 1e-6, String(link.bitsPerSecond));
        link.updateDone(1_000_000);
        assert.equal(link.samples, 1, 'an update with no request before it is not measured');
    });

    test('bytes received before the request are not the first bytes of its update', () => {
        const link = new LinkEstimate();
        link.requested(100);
        // Received at 90 and handed over only now: they waited while the page drew.
        link.arrived(90, 0, 5000);
        assert.equal(link.roundTripMs, -1);
        link.arrived(130, 5000, 1000);
        assert.equal(link.roundTripMs, 30);
    });

    test('an update is timed to the arrival of the chunk holding its last byte', () => {
        const link = new LinkEstimate();
        link.requested(0);
        link.arrived(10, 0, 1000);
        link.arrived(50, 1000, 20_000);
        link.arrived(90, 21_000, 20_000);
        link.updateDone(21_000);
        assert.ok(Math.abs(link.bitsPerSecond - 20_000 * 8 / 0.04) < 1e-6, 'not the later chunk, which is the next');
        link.requested(100);
        link.arrived(110, 41_000, 1000);
        link.arrived(150, 42_000, 40_000);
        link.updateDone(62_000);
        assert.equal(link.samples, 2);
    });

    test('updates of less than 128 KiB count in proportion, a one-chunk update as a millisecond', () => {
        const link = new LinkEstimate();
        const clock = newClock();
        measure(link, 10, clock);
        link.requested(clock.now);
        link.arrived(clock.now + 10, clock.consumed, 1000);
        link.arrived(clock.now + 10 + 32 * 1024 * 8 / 100e6 * 1e3, clock.consumed + 1000, 32 * 1024);
        link.updateDone(clock.consumed + 1000 + 32 * 1024);
        assert.ok(Math.abs(link.bitsPerSecond - (10e6 + 0.35 * 0.25 * 90e6)) < 1, String(link.bitsPerSecond));
        const oneChunk = new LinkEstimate();
        oneChunk.requested(0);
        oneChunk.arrived(5, 0, MIN_ONE_CHUNK_BYTES);
        oneChunk.updateDone(MIN_ONE_CHUNK_BYTES);
        assert.equal(oneChunk.bitsPerSecond, MIN_ONE_CHUNK_BYTES * 8 * 1e3);
        oneChunk.requested(10);
        oneChunk.arrived(15, MIN_ONE_CHUNK_BYTES, MIN_ONE_CHUNK_BYTES + 100);
        oneChunk.updateDone(2 * MIN_ONE_CHUNK_BYTES - 1);
        assert.equal(oneChunk.samples, 1, 'one byte short, though its chunk holds more');
    });
});

describe('DecodeStats', () => {
    test('counts rectangles per encoding; the dominant one is a pixel encoding, since a snapshot', () => {
        const stats = new DecodeStats();
        assert.equal(stats.snapshot().dominantSince(null), null);
        stats.received(100);
        for (let i = 0; i < 5; i++) {
            stats.rectDone(Encoding.CURSOR, 10, 0);
        }
        stats.rectDone(Encoding.ZRLE, 40, 1);
        stats.rectDone(Encoding.ZRLE, 60, 2);
        stats.rectDone(Encoding.RAW, 12, 0);
        stats.updateDone();
        const first = stats.snapshot();
        assert.equal(first.dominantSince(null), Encoding.ZRLE, 'pseudo-encodings do not count');
        assert.deepEqual([...first.byEncoding.keys()], [Encoding.CURSOR, Encoding.RAW, Encoding.ZRLE]);
        assert.deepEqual(first.byEncoding.get(Encoding.ZRLE), { rectangles: 2, bytes: 100, ms: 3 });
        assert.deepEqual([first.bytesReceived, first.updates, first.rectangles], [100, 1, 8]);
        stats.rectDone(Encoding.TIGHT_PNG, 30, 0);
        stats.rectDone(Encoding.RAW, 12, 0);
        stats.rectDone(Encoding.TIGHT_PNG, 30, 0);
        const second = stats.snapshot();
        assert.equal(second.dominantSince(first), Encoding.TIGHT_PNG, 'TightPNG carries pixels');
        assert.equal(stats.snapshot().dominantSince(second), null, 'nothing painted since');
        assert.deepEqual(first.byEncoding.get(Encoding.RAW).rectangles, 1, 'a snapshot is a copy');
    });
});
