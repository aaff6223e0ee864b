// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.rfbridge.rfb.encoding.Encodings;

/**
 * Counters for the status bar: bytes received (reader thread), rectangles per encoding (session thread) and
 * updates shown (FX thread). {@link #sample} turns them into rates; it is called by one thread (the FX thread,
 * once a second).
 */
public final class SessionStats {
    /** Rates over the interval since the previous sample. */
    public record Sample(double updatesPerSecond, double bytesPerSecond, String encoding) {
    }

    private final LongAdder bytes = new LongAdder();
    private final AtomicLong updatesShown = new AtomicLong();
    private final Map<Integer, LongAdder> rectsByEncoding = new ConcurrentHashMap<>();
    private long lastNanos = Long.MIN_VALUE;
    private long lastBytes;
    private long lastUpdates;
    private Map<Integer, Long> lastRects = Map.of();
    private String lastEncoding = "";

    public void bytesReceived(int count) {
        bytes.add(count);
    }

    public void rectDecoded(int encoding) {
        rectsByEncoding.computeIfAbsent(encoding, e -> new LongAdder()).increment();
    }

    public void updateShown() {
        updatesShown.incrementAndGet();
    }

    public long totalBytes() {
        return bytes.sum();
    }

    public long totalUpdatesShown() {
        return updatesShown.get();
    }

    /**
     * Rates since the previous call. The encoding is the one that painted most rectangles in the interval, or
     * the previous one when nothing was painted.
     */
    public Sample sample(long nowNanos) {
        long totalBytes = bytes.sum();
        long totalUpdates = updatesShown.get();
        Map<Integer, Long> rects = new java.util.HashMap<>();
        rectsByEncoding.forEach((encoding, count) -> rects.put(encoding, count.sum()));
        Sample result;
        if (lastNanos == Long.MIN_VALUE || nowNanos <= lastNanos) {
            result = new Sample(0, 0, dominant(rects, Map.of()));
        } else {
            double seconds = (nowNanos - lastNanos) / 1e9;
            result = new Sample((totalUpdates - lastUpdates) / seconds, (totalBytes - lastBytes) / seconds,
                    dominant(rects, lastRects));
        }
        lastNanos = nowNanos;
        lastBytes = totalBytes;
        lastUpdates = totalUpdates;
        lastRects = rects;
        return result;
    }

    private String dominant(Map<Integer, Long> now, Map<Integer, Long> before) {
        int best = 0;
        long bestCount = 0;
        boolean found = false;
        for (Map.Entry<Integer, Long> e : now.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (delta > bestCount) {
                best = e.getKey();
                bestCount = delta;
                found = true;
            }
        }
        if (found) {
            lastEncoding = Encodings.name(best);
        }
        return lastEncoding;
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
