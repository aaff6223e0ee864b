// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.transport;

import java.io.Closeable;
import java.io.IOException;

/**
 * An open, ordered, reliable byte stream to a server.
 *
 * <p>Threads: one thread reads ({@link #read} blocks), one other thread writes; {@link #close()} may be
 * called from any thread, at any time, more than once, and makes a blocked {@code read} return -1 or throw.
 */
public interface Transport extends Closeable {
    /**
     * Reads the next bytes the server sent, blocking until at least one is available.
     *
     * @return the number of bytes read (at least 1), or -1 when the stream ended normally
     * @throws IOException when the stream broke
     */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /** Sends all of {@code data[offset..offset+length)}, blocking while the peer applies backpressure. */
    void write(byte[] data, int offset, int length) throws IOException;

    /** A short description of the peer for logs and messages, for example {@code "tcp://127.0.0.1:5901"}. */
    String describe();

    /** Closes the stream; never throws. */
    @Override
    void close();
}
