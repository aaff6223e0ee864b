// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * What the load client asks the backend to do with one connection, sent in-band as its first
 * {@value #HEADER_BYTES} bytes (one command byte, one big-endian count). In-band, so every relay under test
 * carries the request unchanged and one backend process serves them all.
 */
enum BenchCommand {
    /** Send the client {@code count} bytes, then wait for the client to close. */
    DOWNSTREAM('D'),
    /** Read {@code count} bytes from the client, then answer one {@link #ACK} byte. */
    UPSTREAM('U'),
    /** Echo every byte back until the client closes ({@code count} is ignored). */
    ECHO('E'),
    /** Answer one {@link #ACK} byte at once, then echo the odd liveness byte: an idle session. */
    IDLE('I');

    static final int HEADER_BYTES = 9;
    static final byte ACK = 'K';

    /** The bytes both sides send: random, so no layer on the way can compress them. */
    static final byte[] PATTERN = pattern(256 << 10);

    private final byte code;

    BenchCommand(char code) {
        this.code = (byte) code;
    }

    /** The header asking for this command. */
    byte[] header(long count) {
        return ByteBuffer.allocate(HEADER_BYTES).put(code).putLong(count).array();
    }

    /** Reads a header the client sent; a count outside [0, 2^40] or an unknown command is refused. */
    static BenchCommand parse(ByteBuffer header) throws IOException {
        byte code = header.get(0);
        long count = header.getLong(1);
        if (count < 0 || count > (1L << 40)) {
            throw new IOException("bench header count out of range: " + count);
        }
        for (BenchCommand command : values()) {
            if (command.code == code) {
                return command;
            }
        }
        throw new IOException("unknown bench command byte " + (code & 0xFF));
    }

    static long count(ByteBuffer header) {
        return header.getLong(1);
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        SplittableRandom random = new SplittableRandom(0x5EED);
        for (int i = 0; i < length; i += 8) {
            long value = random.nextLong();
            for (int j = 0; j < 8; j++) {
                bytes[i + j] = (byte) (value >>> (8 * j));
            }
        }
        return bytes;
    }
}
