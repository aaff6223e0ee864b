// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.io;

import java.util.Arrays;

/**
 * Bytes the client will send, written big-endian. The protocol layer writes messages here; the session
 * drains it with {@link #take()} and hands the bytes to a transport. Not thread-safe: one session thread
 * owns it.
 */
public final class RfbOutput {
    private byte[] buffer = new byte[256];
    private int size;

    private void ensure(int more) {
        int needed = Math.addExact(size, more);
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }

    public RfbOutput writeU8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public RfbOutput writeU16(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public RfbOutput writeS32(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Writes the low 32 bits of {@code value}. */
    public RfbOutput writeU32(long value) {
        return writeS32((int) value);
    }

    public RfbOutput writeBytes(byte[] bytes) {
        return writeBytes(bytes, 0, bytes.length);
    }

    public RfbOutput writeBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** Writes {@code count} zero bytes of padding. */
    public RfbOutput pad(int count) {
        ensure(count);
        Arrays.fill(buffer, size, size + count, (byte) 0);
        size += count;
        return this;
    }

    /** Number of bytes waiting to be taken. */
    public int size() {
        return size;
    }

    /** Returns the waiting bytes and empties the buffer. */
    public byte[] take() {
        byte[] bytes = Arrays.copyOf(buffer, size);
        size = 0;
        return bytes;
    }
}
