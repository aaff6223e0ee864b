// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.protocol.DecodeStats;

@Timeout(10)
class SessionStatsTest {
    private static DecodeStats.Snapshot totals(long bytes, long raw, long copyRect) {
        return new DecodeStats.Snapshot(bytes, 0, Map.of(
                Encodings.RAW, new DecodeStats.EncodingTotals(raw, 0, 0),
                Encodings.COPY_RECT, new DecodeStats.EncodingTotals(copyRect, 0, 0)));
    }

    @Test
    void ratesOverTheIntervalAndTheDominantEncoding() {
        SessionStats stats = new SessionStats();
        stats.sample(0, totals(0, 0, 0));
        for (int i = 0; i < 10; i++) {
            stats.updateShown();
        }
        SessionStats.Sample s = stats.sample(500_000_000L, totals(1_000_000, 1, 2));
        assertEquals(20.0, s.updatesPerSecond(), 1e-9);
        assertEquals(2_000_000.0, s.bytesPerSecond(), 1e-9);
        assertEquals("CopyRect", s.encoding());
        assertEquals("Raw", stats.sample(1_000_000_000L, totals(1_000_000, 2, 2)).encoding());
        assertEquals("Raw", stats.sample(2_000_000_000L, totals(1_000_000, 2, 2)).encoding(),
                "an idle second keeps the last encoding");
    }

    @Test
    void formatsRates() {
        assertEquals("999 B/s", SessionStats.formatRate(999));
        assertEquals("12.3 KB/s", SessionStats.formatRate(12_345));
        assertEquals("8.3 MB/s", SessionStats.formatRate(8_294_400));
    }
}
