// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The server messages waiting for a session's writer (fences, fence answers, clipboard messages), in the order
 * they were queued, with a ticket per message so a sender can wait until its message was written. Bounded:
 * past {@link #MAX_QUEUED_BYTES} the client is not reading what it keeps asking for.
 *
 * <p>Not thread-safe: guarded by the owning {@link ClientUpdateState}'s monitor, which also does the waiting.
 */
final class MessageQueue {

    static final long MAX_QUEUED_BYTES = 8L << 20;

    private final Deque<byte[]> messages = new ArrayDeque<>();
    private long queuedBytes;
    private long queued;
    private long written;

    /**
     * @return the message's ticket, or -1 when it would pass the bound (then it is not queued)
     */
    long add(byte[] message) {
        if (queuedBytes + message.length > MAX_QUEUED_BYTES) {
            return -1;
        }
        queuedBytes += message.length;
        messages.addLast(message);
        return ++queued;
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Bytes waiting now, for the message of a session closed for not reading. */
    long queuedBytes() {
        return queuedBytes;
    }

    /** Takes every waiting message, oldest first. */
    List<byte[]> drain() {
        List<byte[]> out = new ArrayList<>(messages);
        messages.clear();
        queuedBytes = 0;
        return out;
    }

    /** The writer wrote {@code count} more drained messages. */
    void written(int count) {
        written += count;
    }

    /** Whether the message with {@code ticket} was written. */
    boolean isWritten(long ticket) {
        return written >= ticket;
    }
}
