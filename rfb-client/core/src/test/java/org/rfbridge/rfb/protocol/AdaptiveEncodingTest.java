// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.encoding.Encodings;

class AdaptiveEncodingTest {
    private static final long MS = 1_000_000L;

    /** A link of {@code mbits} Mbit/s and a 10 ms round trip: one large update of 1 MB measured at that rate. */
    private static void measure(LinkEstimate link, double mbits, long[] clock, long[] consumed) {
        measure(link, mbits, 10 * MS, clock, consumed);
    }

    private static void measure(LinkEstimate link, double mbits, long roundTrip, long[] clock, long[] consumed) {
        int first = 1448;
        long rest = 1_000_000;
        long nanos = (long) (rest * 8 / (mbits * 1e6) * 1e9);
        link.requested(clock[0], true);
        clock[0] += roundTrip;
        link.arrived(clock[0], consumed[0], first);
        consumed[0] += first;
        clock[0] += nanos;
        link.arrived(clock[0], consumed[0], (int) rest);
        consumed[0] += rest;
        link.updateDone(consumed[0]);
    }

    private static AdaptiveEncoding auto() {
        return new AdaptiveEncoding(EncodingPreferences.auto(), DecoderRegistry.standard());
    }

    @Test
    void startsWithTightAtNoVncsQualityAndAnnouncesEveryDecoder() {
        List<Integer> list = auto().encodings();
        assertEquals(Encodings.TIGHT, list.get(0));
        assertTrue(list.contains(Encodings.QUALITY_LEVEL_0 + 6));
        assertTrue(list.contains(Encodings.COMPRESS_LEVEL_0 + 2));
        assertTrue(list.contains(Encodings.FINE_QUALITY_LEVEL_0 + 80), "for servers that take it, quality 80 4:2:2");
        assertTrue(list.contains(Encodings.SUBSAMPLING_2X));
        for (int encoding : DecoderRegistry.standard().encodings()) {
            assertTrue(list.contains(encoding), Encodings.describe(encoding));
        }
    }

    @Test
    void aSlowLinkLowersTheQualityAndAFastOneGoesLossless() {
        AdaptiveEncoding choice = auto();
        LinkEstimate link = new LinkEstimate();
        long[] clock = {0};
        long[] consumed = {0};
        for (int i = 0; i < 20; i++) {
            measure(link, 0.5, clock, consumed);
        }
        assertTrue(choice.follow(link));
        assertEquals(2, choice.quality());
        assertEquals(9, choice.compression());
        for (int i = 0; i < 20; i++) {
            measure(link, 2000, clock, consumed);
        }
        assertTrue(choice.follow(link));
        assertEquals(8, choice.quality(), "fast, but 10 ms away: not a LAN");
        LinkEstimate lan = new LinkEstimate();
        for (int i = 0; i < 20; i++) {
            measure(lan, 40, MS / 2, clock, consumed);
        }
        assertTrue(choice.follow(lan));
        assertEquals(EncodingPreferences.LOSSLESS, choice.quality(), "half a millisecond away: a LAN");
        assertFalse(choice.encodings().stream().anyMatch(e -> e >= Encodings.QUALITY_LEVEL_0
                && e <= Encodings.QUALITY_LEVEL_0 + 9), "no JPEG quality level: lossless");
        assertFalse(choice.follow(lan), "nothing changes while the link stays");
    }

    @Test
    void aLinkNearATierEdgeDoesNotFlap() {
        AdaptiveEncoding choice = auto();
        LinkEstimate link = new LinkEstimate();
        long[] clock = {0};
        long[] consumed = {0};
        // Medium starts at 4 Mbit/s and fast at 16: 18 Mbit/s is past the edge but inside the hysteresis.
        for (int i = 0; i < 20; i++) {
            measure(link, 18, clock, consumed);
        }
        assertFalse(choice.follow(link));
        assertEquals(6, choice.quality());
        for (int i = 0; i < 20; i++) {
            measure(link, 3.5, clock, consumed);
        }
        assertFalse(choice.follow(link), "3.5 Mbit/s is within 25% of medium's 4");
        for (int i = 0; i < 20; i++) {
            measure(link, 25, clock, consumed);
        }
        assertTrue(choice.follow(link));
        assertEquals(8, choice.quality());
    }

    @Test
    void whatTheUserFixedStaysFixed() {
        EncodingPreferences fixed = EncodingPreferences.auto().preferring(Encodings.ZRLE).withQuality(3)
                .withCompression(7);
        AdaptiveEncoding choice = new AdaptiveEncoding(fixed, DecoderRegistry.standard());
        LinkEstimate link = new LinkEstimate();
        long[] clock = {0};
        long[] consumed = {0};
        measure(link, 0.1, clock, consumed);
        assertFalse(choice.follow(link));
        List<Integer> list = choice.encodings();
        assertEquals(Encodings.ZRLE, list.get(0));
        assertTrue(list.contains(Encodings.QUALITY_LEVEL_0 + 3));
        assertTrue(list.contains(Encodings.COMPRESS_LEVEL_0 + 7));
    }

    @Test
    void anEncodingAloneIsTheOnlyPixelEncodingAnnounced() {
        AdaptiveEncoding choice = new AdaptiveEncoding(EncodingPreferences.auto().only(Encodings.HEXTILE)
                .withJpeg(85, Encodings.SUBSAMPLING_2X), DecoderRegistry.standard());
        assertEquals(List.of(Encodings.HEXTILE, Encodings.QUALITY_LEVEL_0 + 6, Encodings.FINE_QUALITY_LEVEL_0 + 85,
                Encodings.SUBSAMPLING_2X, Encodings.COMPRESS_LEVEL_0 + 2, Encodings.CURSOR_WITH_ALPHA,
                Encodings.CURSOR, Encodings.X_CURSOR, Encodings.DESKTOP_SIZE, Encodings.LAST_RECT,
                Encodings.EXTENDED_DESKTOP_SIZE, Encodings.FENCE, Encodings.CONTINUOUS_UPDATES,
                Encodings.EXTENDED_CLIPBOARD, Encodings.QEMU_EXTENDED_KEY_EVENT, Encodings.QEMU_LED_STATE,
                Encodings.DESKTOP_NAME, Encodings.XVP), choice.encodings());
    }

    @Test
    void smallUpdatesAndOneChunkUpdatesMeasureTheRoundTripButNotTheBandwidth() {
        LinkEstimate link = new LinkEstimate();
        link.requested(0, true);
        link.arrived(40 * MS, 0, 100);
        link.updateDone(100);
        assertEquals(40 * MS, link.roundTripNanos());
        assertTrue(Double.isNaN(link.bitsPerSecond()));
        link.requested(50 * MS, true);
        link.arrived(90 * MS, 100, 3000);
        link.updateDone(3100);
        assertTrue(Double.isNaN(link.bitsPerSecond()), "3000 bytes in one chunk say nothing");
        link.requested(100 * MS, true);
        link.arrived(125 * MS, 3100, 1000);
        link.arrived(200 * MS, 4100, 500_000);
        link.arrived(225 * MS, 504_100, 500_000);
        link.arrived(300 * MS, 1_004_100, 7);
        link.updateDone(1_004_100);
        assertEquals(25 * MS, link.roundTripNanos(), "the shortest recent wait");
        assertEquals(80e6, link.bitsPerSecond(), 1e3, "1 MB after the first chunk in the 100 ms to its last byte");
        link.requested(400 * MS, true);
        link.arrived(401 * MS, 1_004_107, 64 * 1024);
        link.updateDone(1_004_107 + 64 * 1024);
        assertTrue(link.bitsPerSecond() > 80e6, "64 KiB in one chunk: faster than a read can time");
    }

    @Test
    void userWordsAreParsedOrRefusedWithWhatIsAccepted() {
        assertEquals(EncodingPreferences.LOSSLESS, EncodingPreferences.parseQuality("lossless"));
        assertEquals(7, EncodingPreferences.parseQuality("7"));
        assertEquals(EncodingPreferences.AUTO, EncodingPreferences.parseCompression("auto"));
        assertEquals(Encodings.TIGHT, Encodings.pixelEncoding("tight"));
        assertEquals(Encodings.TIGHT_PNG, Encodings.pixelEncoding("TightPNG"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Encodings.pixelEncoding("h264"));
        assertTrue(e.getMessage().contains("tight, zrle, hextile"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EncodingPreferences.parseQuality("10"));
    }
}
