// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.SplittableRandom;

/** Reproducible pseudo-random byte streams and their digests, so both ends can agree without a copy. */
public final class Payloads {

    private Payloads() {
    }

    /** Fills {@code buffer} with the next bytes of the stream {@code random} produces. */
    public static void fill(SplittableRandom random, byte[] buffer, int length) {
        for (int i = 0; i < length; i += 8) {
            long value = random.nextLong();
            for (int j = 0; j < 8 && i + j < length; j++) {
                buffer[i + j] = (byte) (value >>> (8 * j));
            }
        }
    }

    /** The SHA-256 of the first {@code total} bytes of the stream seeded with {@code seed}. */
    public static byte[] digestOf(long seed, long total, int chunk) {
        SplittableRandom random = new SplittableRandom(seed);
        MessageDigest digest = RawWebSocket.sha256();
        byte[] buffer = new byte[chunk];
        for (long sent = 0; sent < total; sent += chunk) {
            int length = (int) Math.min(chunk, total - sent);
            fill(random, buffer, length);
            digest.update(buffer, 0, length);
        }
        return digest.digest();
    }

    /** Writes {@code total} bytes of the seeded stream in {@code chunk}-sized writes. */
    public static void write(OutputStream out, long seed, long total, int chunk) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] buffer = new byte[chunk];
        for (long sent = 0; sent < total; sent += chunk) {
            int length = (int) Math.min(chunk, total - sent);
            fill(random, buffer, length);
            out.write(buffer, 0, length);
        }
        out.flush();
    }

    /** Reads exactly {@code total} bytes and returns their SHA-256. */
    public static byte[] readDigest(InputStream in, long total) throws IOException {
        MessageDigest digest = RawWebSocket.sha256();
        byte[] buffer = new byte[64 << 10];
        long read = 0;
        while (read < total) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, total - read));
            if (n < 0) {
                throw new IOException("stream ended after " + read + " of " + total + " bytes");
            }
            digest.update(buffer, 0, n);
            read += n;
        }
        return digest.digest();
    }
}
