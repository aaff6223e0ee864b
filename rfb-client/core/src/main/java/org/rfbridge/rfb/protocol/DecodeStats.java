// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.rfbridge.rfb.encoding.Encodings;

/**
 * What a connection has received and decoded: bytes, updates, and per encoding the rectangles, their bytes on
 * the wire and the time spent decoding them (the JavaScript core's {@code stats}). The session thread writes;
 * any thread may take a {@link #snapshot()}.
 */
public final class DecodeStats {
    /** Totals of one encoding. */
    public record EncodingTotals(long rectangles, long bytes, long nanos) {
    }

    /** Totals so far; {@code byEncoding} is keyed by encoding number in ascending order. */
    public record Snapshot(long bytesReceived, long updates, Map<Integer, EncodingTotals> byEncoding) {
        /**
         * The pixel encoding with the most rectangles since {@code earlier}, or null when none were decoded;
         * pseudo-encodings (a cursor, a resize) carry no pixels and do not count.
         */
        public Integer dominantSince(Snapshot earlier) {
            Integer best = null;
            long most = 0;
            for (Map.Entry<Integer, EncodingTotals> e : byEncoding.entrySet()) {
                if (!Encodings.isPixelEncoding(e.getKey())) {
                    continue;
                }
                EncodingTotals before = earlier == null ? null : earlier.byEncoding().get(e.getKey());
                long count = e.getValue().rectangles() - (before == null ? 0 : before.rectangles());
                if (count > most) {
                    most = count;
                    best = e.getKey();
                }
            }
            return best;
        }
    }

    // One writer (the session thread), so plain increments of volatile fields are safe and readers see them.
    private static final class Counters {
        volatile long rectangles;
        volatile long bytes;
        volatile long nanos;
    }

    private final Map<Integer, Counters> byEncoding = new ConcurrentHashMap<>();
    private volatile long bytesReceived;
    private volatile long updates;

    @SuppressWarnings("NonAtomicOperationOnVolatileField")
    void received(int count) {
        bytesReceived += count;
    }

    @SuppressWarnings("NonAtomicOperationOnVolatileField")
    void updateDone() {
        updates++;
    }

    @SuppressWarnings("NonAtomicOperationOnVolatileField")
    void rectDone(int encoding, long bytes, long nanos) {
        Counters c = byEncoding.computeIfAbsent(encoding, e -> new Counters());
        c.rectangles++;
        c.bytes += bytes;
        c.nanos += nanos;
    }

    long bytesReceived() {
        return bytesReceived;
    }

    public Snapshot snapshot() {
        Map<Integer, EncodingTotals> totals = new TreeMap<>();
        byEncoding.forEach((encoding, c) -> totals.put(encoding, new EncodingTotals(c.rectangles, c.bytes, c.nanos)));
        return new Snapshot(bytesReceived, updates, Map.copyOf(totals));
    }
}
