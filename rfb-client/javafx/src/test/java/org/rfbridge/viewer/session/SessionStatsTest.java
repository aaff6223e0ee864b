// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.rfb.encoding.Encodings;

@Timeout(10)
class SessionStatsTest {
    @Test
    void ratesOverTheIntervalAndTheDominantEncoding() {
        SessionStats stats = new SessionStats();
        stats.sample(0);
        stats.bytesReceived(1_000_000);
        stats.rectDecoded(Encodings.RAW);
        stats.rectDecoded(Encodings.COPY_RECT);
        stats.rectDecoded(Encodings.COPY_RECT);
        for (int i = 0; i < 10; i++) {
            stats.updateShown();
        }
        SessionStats.Sample s = stats.sample(500_000_000L);
        assertEquals(20.0, s.updatesPerSecond(), 1e-9);
        assertEquals(2_000_000.0, s.bytesPerSecond(), 1e-9);
        assertEquals("CopyRect", s.encoding());
        stats.rectDecoded(Encodings.RAW);
        assertEquals("Raw", stats.sample(1_000_000_000L).encoding());
        assertEquals("Raw", stats.sample(2_000_000_000L).encoding(), "an idle second keeps the last encoding");
    }

    @Test
    void formatsRates() {
        assertEquals("999 B/s", SessionStats.formatRate(999));
        assertEquals("12.3 KB/s", SessionStats.formatRate(12_345));
        assertEquals("8.3 MB/s", SessionStats.formatRate(8_294_400));
    }
}
