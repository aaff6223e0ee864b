// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.util.concurrent.atomic.AtomicLong;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.protocol.DecodeStats;

/**
 * The status bar's rates: bytes and the dominant encoding from the client's own statistics
 * ({@link DecodeStats}), and updates shown (counted on the FX thread). {@link #sample} turns them into rates;
 * it is called by one thread (the FX thread, once a second).
 */
public final class SessionStats {
    /** Rates over the interval since the previous sample. */
    public record Sample(double updatesPerSecond, double bytesPerSecond, String encoding) {
    }

    private final AtomicLong updatesShown = new AtomicLong();
    private long lastNanos = Long.MIN_VALUE;
    private long lastUpdates;
    private DecodeStats.Snapshot last;
    private String lastEncoding = "";

    public void updateShown() {
        updatesShown.incrementAndGet();
    }

    public long totalUpdatesShown() {
        return updatesShown.get();
    }

    /**
     * Rates since the previous call, from the client's totals {@code now}. The encoding is the one that painted
     * most rectangles in the interval, or the previous one when nothing was painted.
     */
    public Sample sample(long nowNanos, DecodeStats.Snapshot now) {
        long totalUpdates = updatesShown.get();
        Integer dominant = now.dominantSince(last);
        if (dominant != null) {
            lastEncoding = Encodings.name(dominant);
        }
        Sample result;
        if (lastNanos == Long.MIN_VALUE || nowNanos <= lastNanos) {
            result = new Sample(0, 0, lastEncoding);
        } else {
            double seconds = (nowNanos - lastNanos) / 1e9;
            long bytesBefore = last == null ? 0 : last.bytesReceived();
            result = new Sample((totalUpdates - lastUpdates) / seconds, (now.bytesReceived() - bytesBefore) / seconds,
                    lastEncoding);
        }
        lastNanos = nowNanos;
        lastUpdates = totalUpdates;
        last = now;
        return result;
    }

    /** "850 B/s", "12.3 KB/s", "8.1 MB/s" (decimal units, as network rates are usually given). */
    public static String formatRate(double bytesPerSecond) {
        if (bytesPerSecond < 1000) {
            return String.format(java.util.Locale.ROOT, "%.0f B/s", bytesPerSecond);
        }
        if (bytesPerSecond < 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1f KB/s", bytesPerSecond / 1000);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1_000_000);
    }
}
