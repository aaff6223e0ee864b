// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

/**
 * The bandwidth and round trip a session gets, measured from its own updates (the JavaScript core's
 * {@code link-estimate.js}). The round trip is the shortest among recent waits from a FramebufferUpdateRequest
 * to the first bytes after it, or (continuous updates) from a fence probe to its answer. The bandwidth is an average over updates that arrive in more than one chunk:
 * the bytes after the first chunk by the time from the first chunk's arrival to the arrival of the chunk with
 * the update's last byte. Times are when the transport read the bytes, not when they were decoded, so neither a
 * busy decoder nor an update held back for the consumer counts as link time; small updates mostly tell the
 * server's pace, so they count for less. An update of several KiB that arrives in one chunk came faster than a
 * read can time: on a slow link its packets arrive apart and the reader wakes for each, so it counts as that many
 * bytes in a millisecond (without it, a session moved to low quality on a link that then got fast would send
 * updates too small to ever time again).
 *
 * <p>Times are {@link System#nanoTime()} values passed in by the caller. Written by the session thread; other
 * threads may read the figures.
 */
public final class LinkEstimate {
    /**
     * Updates with fewer bytes after their first chunk do not measure bandwidth (small enough that a small desktop's
     * JPEG updates, about 17 KB for 640x480 at quality 6, still do: otherwise a slow link never lowers them)...
     */
    static final long MIN_SAMPLE_BYTES = 8 * 1024;
    /** ...unless they came whole in one chunk of at least this many bytes. */
    static final long MIN_ONE_CHUNK_BYTES = 4 * 1024;
    /** The time a one-chunk update counts as taking. */
    private static final long ONE_CHUNK_NANOS = 1_000_000;
    /** Updates of this size or more count fully in the average; smaller ones in proportion. */
    private static final long FULL_WEIGHT_BYTES = 128 * 1024;
    /** Weight of a full-sized sample in the average. */
    private static final double SAMPLE_WEIGHT = 0.35;
    private static final int ROUND_TRIPS_KEPT = 16;
    /** Chunk arrivals remembered, to find when an update's last byte came. */
    private static final int ARRIVALS_KEPT = 256;

    private final long[] roundTrips = new long[ROUND_TRIPS_KEPT];
    private int roundTripCount;
    private int roundTripNext;
    // Read by other threads (a viewer's status line): written only by the session thread.
    private volatile double bitsPerSecond = Double.NaN;
    private volatile long samples;
    private volatile long shortestRoundTrip = -1;

    private final long[] arrivalEnds = new long[ARRIVALS_KEPT];
    private final long[] arrivalTimes = new long[ARRIVALS_KEPT];
    private int arrivalNext;
    private int arrivalCount;

    private long requestedAt = -1;
    private boolean requestTimesRoundTrip;
    private long firstBytesAt = -1;
    private long firstChunkStart;
    private long firstChunkEnd;

    /**
     * An update is expected from {@code now} on: a FramebufferUpdateRequest was sent, or (continuous updates) the
     * last one ended. Only a request's wait for the first bytes is a round trip ({@code timesRoundTrip}).
     */
    void requested(long now, boolean timesRoundTrip) {
        if (requestedAt < 0) {
            requestedAt = now;
            firstBytesAt = -1;
            requestTimesRoundTrip = timesRoundTrip;
        }
    }

    /** A fence sent at {@code sentAt} was answered by the bytes up to stream offset {@code end}. */
    void roundTrip(long sentAt, long end) {
        long at = arrivalOf(end);
        if (at >= sentAt) {
            addRoundTrip(at - sentAt);
        }
    }

    private void addRoundTrip(long nanos) {
        roundTrips[roundTripNext] = nanos;
        roundTripNext = (roundTripNext + 1) % ROUND_TRIPS_KEPT;
        roundTripCount = Math.min(roundTripCount + 1, ROUND_TRIPS_KEPT);
        long min = Long.MAX_VALUE;
        for (int i = 0; i < roundTripCount; i++) {
            min = Math.min(min, roundTrips[i]);
        }
        shortestRoundTrip = min;
    }

    /** {@code length} bytes, stream offsets {@code start} on, were read at {@code at}. */
    void arrived(long at, long start, int length) {
        arrivalEnds[arrivalNext] = start + length;
        arrivalTimes[arrivalNext] = at;
        arrivalNext = (arrivalNext + 1) % ARRIVALS_KEPT;
        arrivalCount = Math.min(arrivalCount + 1, ARRIVALS_KEPT);
        if (requestedAt >= 0 && firstBytesAt < 0 && at >= requestedAt) {
            firstBytesAt = at;
            firstChunkStart = start;
            firstChunkEnd = start + length;
            if (requestTimesRoundTrip) {
                addRoundTrip(at - requestedAt);
            }
        }
    }

    /** A FramebufferUpdate ended at stream offset {@code end} (the bytes consumed up to its last). */
    @SuppressWarnings("NonAtomicOperationOnVolatileField")
    void updateDone(long end) {
        if (requestedAt < 0 || firstBytesAt < 0) {
            requestedAt = -1;
            return;
        }
        requestedAt = -1;
        long bytes = end - firstChunkEnd;
        long nanos = arrivalOf(end) - firstBytesAt;
        if (end <= firstChunkEnd && end - firstChunkStart >= MIN_ONE_CHUNK_BYTES) {
            bytes = end - firstChunkStart;
            nanos = ONE_CHUNK_NANOS;
        } else if (bytes < MIN_SAMPLE_BYTES || nanos <= 0) {
            return;
        }
        double sample = bytes * 8.0 / (nanos / 1e9);
        double weight = SAMPLE_WEIGHT * Math.min(1.0, (double) bytes / FULL_WEIGHT_BYTES);
        bitsPerSecond = Double.isNaN(bitsPerSecond) ? sample : bitsPerSecond + weight * (sample - bitsPerSecond);
        samples++;
    }

    /** When the chunk holding stream offset {@code end - 1} arrived (the latest remembered if it is older). */
    private long arrivalOf(long end) {
        long found = -1;
        for (int i = 0; i < arrivalCount; i++) {
            int at = Math.floorMod(arrivalNext - 1 - i, ARRIVALS_KEPT);
            if (arrivalEnds[at] >= end) {
                found = arrivalTimes[at];
            } else {
                break;
            }
        }
        return found >= 0 ? found : arrivalTimes[Math.floorMod(arrivalNext - 1, ARRIVALS_KEPT)];
    }

    /** The average bandwidth in bits per second, NaN until a large update was measured. */
    public double bitsPerSecond() {
        return bitsPerSecond;
    }

    /** How many updates were large enough to measure bandwidth. */
    public long samples() {
        return samples;
    }

    /** For a status line: "23.4 Mbit/s, 41 ms", or what is not measured yet. */
    public String describe() {
        double bits = bitsPerSecond;
        long rtt = shortestRoundTrip;
        String bandwidth = Double.isNaN(bits) ? "bandwidth not measured yet"
                : bits >= 1e9 ? String.format(java.util.Locale.ROOT, "%.1f Gbit/s", bits / 1e9)
                : String.format(java.util.Locale.ROOT, "%.1f Mbit/s", bits / 1e6);
        return rtt < 0 ? bandwidth : bandwidth + String.format(java.util.Locale.ROOT, ", %.0f ms", rtt / 1e6);
    }

    /** The shortest recent round trip in nanoseconds, -1 until one was measured. */
    public long roundTripNanos() {
        return shortestRoundTrip;
    }
}
