// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bytes received from the server and not yet consumed, read big-endian.
 *
 * <p>Contract for parsers: check with {@link #has(int)} before reading; when the bytes are not there, return
 * "starved" and try again after more bytes were {@link #append appended}. Reading past what is available
 * is a programming error and throws {@link IllegalStateException}. Variable-length structures use
 * {@link #mark()}/{@link #reset()} to undo a partial read.
 *
 * <p>Memory: the buffer holds only unconsumed bytes (plus the marked region); it is compacted on append.
 * It grows to the largest amount a parser waits for, which the protocol layer bounds.
 *
 * <p>Not thread-safe: one session thread owns it.
 */
public final class RfbInput {
    private static final int INITIAL_CAPACITY = 8192;

    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int position;
    private int limit;
    private int mark = -1;
    private long appended;

    /** Appends bytes received from the transport. */
    public void append(byte[] src, int offset, int length) {
        if (offset < 0 || length < 0 || offset > src.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + " length " + length + " in " + src.length);
        }
        makeRoom(length);
        System.arraycopy(src, offset, buffer, limit, length);
        limit += length;
        appended += length;
    }

    /** Bytes appended since the input was made: the stream offset the next appended byte will have. */
    public long appended() {
        return appended;
    }

    /** Bytes consumed since the input was made (for statistics). */
    public long consumed() {
        return appended - available();
    }

    /** Appends all of {@code src}. */
    public void append(byte[] src) {
        append(src, 0, src.length);
    }

    private void makeRoom(int length) {
        int keepFrom = mark >= 0 ? mark : position;
        int kept = limit - keepFrom;
        int needed = Math.addExact(kept, length);
        if (keepFrom > 0 && (buffer.length - limit < length || kept == 0)) {
            System.arraycopy(buffer, keepFrom, buffer, 0, kept);
            position -= keepFrom;
            if (mark >= 0) {
                mark = 0;
            }
            limit = kept;
        }
        if (buffer.length - limit < length) {
            int capacity = Math.max(needed, buffer.length > (Integer.MAX_VALUE >> 1) ? needed : buffer.length * 2);
            buffer = Arrays.copyOf(buffer, capacity);
        }
    }

    /** Number of unconsumed bytes. */
    public int available() {
        return limit - position;
    }

    /** Whether at least {@code count} bytes can be read now. */
    public boolean has(int count) {
        return count <= limit - position;
    }

    /** Remembers the current position so that {@link #reset()} can return to it. */
    public void mark() {
        mark = position;
    }

    /** Returns to the last {@link #mark()}; the marked bytes will be read again. */
    public void reset() {
        if (mark < 0) {
            throw new IllegalStateException("reset without mark");
        }
        position = mark;
        mark = -1;
    }

    /** Forgets the mark (the bytes since it are consumed for good). */
    public void unmark() {
        mark = -1;
    }

    private void need(int count) {
        if (count > limit - position) {
            throw new IllegalStateException("parser read " + count + " bytes with only " + available()
                    + " available: check has() first");
        }
    }

    /** Looks at an unsigned byte {@code offset} bytes ahead without consuming anything. */
    public int peekU8(int offset) {
        need(offset + 1);
        return buffer[position + offset] & 0xFF;
    }

    public int readU8() {
        need(1);
        return buffer[position++] & 0xFF;
    }

    public int readU16() {
        need(2);
        int value = (buffer[position] & 0xFF) << 8 | (buffer[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    /** Reads a signed 32-bit integer (encoding numbers are signed on the wire). */
    public int readS32() {
        need(4);
        int value = (buffer[position] & 0xFF) << 24 | (buffer[position + 1] & 0xFF) << 16
                | (buffer[position + 2] & 0xFF) << 8 | (buffer[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    /** Reads an unsigned 32-bit integer (lengths and counts). */
    public long readU32() {
        return readS32() & 0xFFFF_FFFFL;
    }

    public void readBytes(byte[] dst, int offset, int length) {
        need(length);
        System.arraycopy(buffer, position, dst, offset, length);
        position += length;
    }

    public byte[] readBytes(int length) {
        byte[] bytes = new byte[length];
        readBytes(bytes, 0, length);
        return bytes;
    }

    /** Reads {@code length} bytes as ISO-8859-1, the charset RFB uses for cut text. */
    public String readLatin1(int length) {
        need(length);
        String text = new String(buffer, position, length, StandardCharsets.ISO_8859_1);
        position += length;
        return text;
    }

    /**
     * Receives bytes still inside the input's buffer, so that bulk data (Raw pixels) is converted where it
     * lies instead of being copied out first. The array is only lent for the call: read it, never write or
     * keep it. A decoder's consumer may throw its own checked exception (bad data found while inflating).
     */
    @FunctionalInterface
    public interface BytesInPlace<E extends Exception> {
        void accept(byte[] array, int offset, int length) throws E;
    }

    /**
     * Lends the next {@code length} bytes to {@code consumer} in place, then consumes them (also when the
     * consumer throws: the session is then over anyway).
     */
    public <E extends Exception> void consume(int length, BytesInPlace<E> consumer) throws E {
        need(length);
        int at = position;
        position += length;
        consumer.accept(buffer, at, length);
    }

    public void skip(int length) {
        need(length);
        position += length;
    }

    /** Skips up to {@code max} bytes, as many as are available, and returns how many it skipped. */
    public long skipAvailable(long max) {
        int skipped = (int) Math.min(max, available());
        position += skipped;
        return skipped;
    }
}
