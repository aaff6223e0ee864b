// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

/**
 * The bandwidth and round trip a session gets, measured from its own updates (the JavaScript core's
 * {@code link-estimate.js}): the round trip is the shortest wait from a FramebufferUpdateRequest to the first
 * bytes after it among recent ones; the bandwidth an average over large updates of their bytes by the time from
 * their first bytes to their last. Small updates say more about the server's pace than the link's, so they are
 * not counted. A slow decoder shows as a slow link, which is what it is to the user.
 *
 * <p>Times are {@link System#nanoTime()} values passed in by the caller. Used by the session thread only.
 */
public final class LinkEstimate {
    /** Updates smaller than this do not measure bandwidth. */
    static final long MIN_SAMPLE_BYTES = 4 * 1024;
    /** Weight of a new bandwidth sample in the average. */
    private static final double SAMPLE_WEIGHT = 0.35;
    private static final int ROUND_TRIPS_KEPT = 16;

    private final long[] roundTrips = new long[ROUND_TRIPS_KEPT];
    private int roundTripCount;
    private int roundTripNext;
    // Read by other threads (a viewer's status line): written only by the session thread.
    private volatile double bitsPerSecond = Double.NaN;
    private volatile long samples;
    private volatile long shortestRoundTrip = -1;

    private long requestedAt = -1;
    private long firstBytesAt = -1;
    private long bytesBefore;

    /** A FramebufferUpdateRequest was sent; {@code received} is the session's byte count so far. */
    void requested(long now, long received) {
        if (requestedAt < 0) {
            requestedAt = now;
            firstBytesAt = -1;
            bytesBefore = received;
        }
    }

    /** Bytes arrived; {@code before} is the byte count before them. */
    void arrived(long now, long before) {
        if (requestedAt >= 0 && firstBytesAt < 0) {
            firstBytesAt = now;
            bytesBefore = before;
            roundTrips[roundTripNext] = now - requestedAt;
            roundTripNext = (roundTripNext + 1) % ROUND_TRIPS_KEPT;
            roundTripCount = Math.min(roundTripCount + 1, ROUND_TRIPS_KEPT);
            long min = Long.MAX_VALUE;
            for (int i = 0; i < roundTripCount; i++) {
                min = Math.min(min, roundTrips[i]);
            }
            shortestRoundTrip = min;
        }
    }

    /** A FramebufferUpdate ended; {@code received} is the byte count up to its end. */
    void updateDone(long now, long received) {
        if (requestedAt < 0 || firstBytesAt < 0) {
            return;
        }
        long bytes = received - bytesBefore;
        long nanos = now - firstBytesAt;
        requestedAt = -1;
        if (bytes < MIN_SAMPLE_BYTES || nanos <= 0) {
            return;
        }
        double sample = bytes * 8.0 / (nanos / 1e9);
        bitsPerSecond = Double.isNaN(bitsPerSecond) ? sample : bitsPerSecond + SAMPLE_WEIGHT * (sample - bitsPerSecond);
        samples++;
    }

    /** The average bandwidth in bits per second, NaN until a large update was measured. */
    public double bitsPerSecond() {
        return bitsPerSecond;
    }

    /** How many updates were large enough to measure bandwidth. */
    @SuppressWarnings("NonAtomicOperationOnVolatileField")
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
