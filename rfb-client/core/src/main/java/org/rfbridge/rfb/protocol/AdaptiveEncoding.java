// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.util.ArrayList;
import java.util.List;
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.encoding.Encodings;

/**
 * What a session announces with SetEncodings, chosen from the user's {@link EncodingPreferences} and, for what
 * they leave open, from the measured link (the JavaScript core's {@code adaptive-encoding.js}). Like TigerVNC's
 * viewer it asks for Tight first, and lets the bandwidth set the JPEG quality: 8 down to 16 Mbit/s, then 6, 4
 * and 2 as it slows, and lossless on a LAN. A change of tier needs the bandwidth 25% past the tier's edge, so
 * that a link near an edge does not flap.
 *
 * <p>A LAN is told by its round trip, not its bandwidth: on a fast link the server's encoder, not the link,
 * sets the pace at which an update's bytes arrive, so the measured bandwidth of a LAN is only a lower bound
 * (tens of Mbit/s for JPEG updates on a busy two-core machine). A round trip of 2 ms or less with at least 16
 * Mbit/s is a LAN; one above 5 ms is not.
 *
 * <p>Changed by the session thread only; other threads may read what it asks for.
 */
public final class AdaptiveEncoding {
    /** The link tiers, slowest first: from how many bits a second each starts, its quality and compression. */
    enum Tier {
        VERY_SLOW(0, 2, 9),
        SLOW(1_000_000, 4, 6),
        MEDIUM(4_000_000, 6, 2, 80),
        FAST(16_000_000, 8, 1, 93),
        /** Its bandwidth is the tier below's: a LAN is told by its round trip. */
        LAN(16_000_000, EncodingPreferences.LOSSLESS, 1);

        /**
         * The fine JPEG quality (with 4:2:2 subsampling) sent beside the level, for servers that take it
         * (TigerVNC's, TurboVNC's); the others use the level. Measured against Xvnc 1.12 on a photo-like
         * 1920x1080 screen (rfb-client/core/bench/JPEG-QUALITY.md): level 6 is quality 79 without subsampling, 375 KiB
         * at 37.36 dB PSNR, where 80 with 4:2:2 is 332 KiB at 37.39 dB; level 8 is 92, 726 KiB at 39.43 dB, where
         * 93 with 4:2:2 is 726 KiB at 39.86 dB. AUTO where the level's own setting already subsamples.
         */
        final int fineQuality;

        final double from;
        final int quality;
        final int compression;

        Tier(double from, int quality, int compression) {
            this(from, quality, compression, EncodingPreferences.AUTO);
        }

        Tier(double from, int quality, int compression, int fineQuality) {
            this.fineQuality = fineQuality;
            this.from = from;
            this.quality = quality;
            this.compression = compression;
        }
    }

    /** How far past a tier's edge the bandwidth must go to change tier. */
    private static final double HYSTERESIS = 1.25;
    /** Round trips up to this are a LAN's (with the bandwidth of the tier below). */
    private static final long LAN_ROUND_TRIP_NANOS = 2_000_000;
    /** Round trips over this are not a LAN's. */
    private static final long WAN_ROUND_TRIP_NANOS = 5_000_000;

    /** The pixel encodings in the viewer's own order of preference, each announced if decodable. */
    private static final int[] AUTO_ORDER = {
        Encodings.TIGHT, Encodings.COPY_RECT, Encodings.ZRLE, Encodings.HEXTILE, Encodings.ZLIB, Encodings.RRE,
        Encodings.RAW, Encodings.TIGHT_PNG,
    };

    private final EncodingPreferences preferences;
    private final DecoderRegistry registry;
    /** Before anything is measured: what noVNC asks for, fine from a LAN down to a few Mbit/s. */
    private volatile Tier tier = Tier.MEDIUM;

    public AdaptiveEncoding(EncodingPreferences preferences, DecoderRegistry registry) {
        this.preferences = preferences;
        this.registry = registry;
    }

    /** New preferences for the same link: the tier measured so far carries over. */
    AdaptiveEncoding with(EncodingPreferences newPreferences) {
        AdaptiveEncoding next = new AdaptiveEncoding(newPreferences, registry);
        next.tier = tier;
        return next;
    }

    /** The SetEncodings list for now, most preferred first. */
    public List<Integer> encodings() {
        if (preferences.exactly() != null) {
            return preferences.exactly();
        }
        List<Integer> list = new ArrayList<>();
        if (preferences.preferred() != null && registry.supports(preferences.preferred())) {
            list.add(preferences.preferred());
        }
        if (!preferences.alone()) {
            for (int encoding : AUTO_ORDER) {
                if (registry.supports(encoding) && !list.contains(encoding)) {
                    list.add(encoding);
                }
            }
            for (int encoding : registry.encodings()) {
                if (!DecoderRegistry.READER_PSEUDO_ENCODINGS.contains(encoding) && !list.contains(encoding)) {
                    list.add(encoding);
                }
            }
        }
        int quality = quality();
        if (quality >= 0) {
            list.add(Encodings.QUALITY_LEVEL_0 + quality);
        }
        if (preferences.fineQuality() != EncodingPreferences.AUTO) {
            list.add(Encodings.FINE_QUALITY_LEVEL_0 + preferences.fineQuality());
            if (preferences.subsampling() != null) {
                list.add(preferences.subsampling());
            }
        } else if (preferences.quality() == EncodingPreferences.AUTO && tier.fineQuality != EncodingPreferences.AUTO) {
            list.add(Encodings.FINE_QUALITY_LEVEL_0 + tier.fineQuality);
            list.add(Encodings.SUBSAMPLING_2X);
        }
        list.add(Encodings.COMPRESS_LEVEL_0 + compression());
        for (int encoding : registry.encodings()) {
            if (DecoderRegistry.READER_PSEUDO_ENCODINGS.contains(encoding)) {
                list.add(encoding);
            }
        }
        return List.copyOf(list);
    }

    /** The JPEG quality level asked for: 0..9, or {@link EncodingPreferences#LOSSLESS}. */
    public int quality() {
        return preferences.quality() == EncodingPreferences.AUTO ? tier.quality : preferences.quality();
    }

    /** The compression level asked for, 0..9. */
    public int compression() {
        return preferences.compression() == EncodingPreferences.AUTO ? tier.compression : preferences.compression();
    }

    /** What is asked of the JPEG quality, for a status line: "JPEG quality 6, auto", "lossless". */
    public String describeQuality() {
        if (preferences.exactly() != null) {
            return "fixed encodings";
        }
        int quality = quality();
        String words = quality == EncodingPreferences.LOSSLESS ? "lossless" : "JPEG quality " + quality;
        return preferences.quality() == EncodingPreferences.AUTO ? words + ", auto" : words;
    }

    /** Whether the measured link can change what is announced. */
    public boolean adapts() {
        return preferences.exactly() == null
                && (preferences.quality() == EncodingPreferences.AUTO
                        || preferences.compression() == EncodingPreferences.AUTO);
    }

    /**
     * Moves to the tier the link's bandwidth calls for, past the hysteresis.
     *
     * @return whether {@link #encodings()} changed, so that a new SetEncodings is due
     */
    public boolean follow(LinkEstimate link) {
        double bandwidth = link.bitsPerSecond();
        if (!adapts() || Double.isNaN(bandwidth)) {
            return false;
        }
        Tier[] tiers = Tier.values();
        Tier wanted = tier == Tier.LAN ? Tier.FAST : tier;
        while (wanted.ordinal() + 1 < Tier.LAN.ordinal()
                && bandwidth >= tiers[wanted.ordinal() + 1].from * HYSTERESIS) {
            wanted = tiers[wanted.ordinal() + 1];
        }
        while (wanted.ordinal() > 0 && bandwidth * HYSTERESIS < wanted.from) {
            wanted = tiers[wanted.ordinal() - 1];
        }
        long roundTrip = link.roundTripNanos();
        if (wanted == Tier.FAST && roundTrip >= 0) {
            boolean lan = tier == Tier.LAN ? roundTrip <= WAN_ROUND_TRIP_NANOS
                    : roundTrip <= LAN_ROUND_TRIP_NANOS && bandwidth >= Tier.FAST.from * HYSTERESIS;
            wanted = lan ? Tier.LAN : Tier.FAST;
        }
        if (wanted == tier) {
            return false;
        }
        List<Integer> before = encodings();
        tier = wanted;
        return !before.equals(encodings());
    }
}
