// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.relay;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts sessions against the configured maximum and knows every live session, so shutdown can close
 * them all. Thread-safe: sessions live on different event loops.
 */
public final class SessionRegistry {

    private final int maxSessions;
    private final AtomicInteger reserved = new AtomicInteger();
    private final AtomicLong nextId = new AtomicLong();
    private final Set<RelaySession> live = ConcurrentHashMap.newKeySet();

    public SessionRegistry(int maxSessions) {
        this.maxSessions = maxSessions;
    }

    /** Takes one of the session slots; false when all are taken. Pair every true with {@link #release()}. */
    public boolean tryReserve() {
        while (true) {
            int current = reserved.get();
            if (current >= maxSessions) {
                return false;
            }
            if (reserved.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public void release() {
        reserved.decrementAndGet();
    }

    public int maxSessions() {
        return maxSessions;
    }

    /** Sessions that hold a slot, including those still completing their WebSocket handshake. */
    public int reservedCount() {
        return reserved.get();
    }

    /** Sessions whose WebSocket handshake completed and that are not closed yet. */
    public int liveCount() {
        return live.size();
    }

    long nextId() {
        return nextId.incrementAndGet();
    }

    void add(RelaySession session) {
        live.add(session);
    }

    void remove(RelaySession session) {
        live.remove(session);
    }

    /** Closes every live session with the given WebSocket status; returns how many were asked to close. */
    public int closeAll(int statusCode, String reason) {
        int count = 0;
        for (RelaySession session : live) {
            session.closeFromAnyThread(statusCode, reason);
            count++;
        }
        return count;
    }
}
