// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.Closeable;
import java.io.IOException;

/**
 * One connection of the load client to a relay under test (or straight to the backend), moving payload
 * bytes: raw over TCP, or as WebSocket binary frames. Used by one thread at a time; {@link #close()} may be
 * called from any thread (the watchdog does) and makes a blocked call fail.
 */
interface BenchSession extends Closeable {

    /** Sends the header asking the backend to run {@code command} on this connection. */
    void command(BenchCommand command, long count) throws IOException;

    /** Sends {@code bytes} payload bytes, each chunk taken from the start of {@link BenchCommand#PATTERN}. */
    void send(long bytes) throws IOException;

    /**
     * Reads exactly {@code bytes} payload bytes; copies the first {@code copy.length} of them into
     * {@code copy} unless it is null. Throws if the connection ends or the relay closes the session first.
     */
    void receive(long bytes, byte[] copy) throws IOException;

    @Override
    void close();
}
