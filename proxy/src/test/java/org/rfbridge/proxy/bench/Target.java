// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * One column of the results: how to start it and how the load client speaks to it.
 *
 * @param name the column heading
 * @param webSocket whether sessions are WebSocket (binary frames) rather than raw TCP
 * @param idleSessions how many concurrent idle sessions to try to hold
 * @param launcher starts a fresh instance against the backend's port
 */
record Target(String name, boolean webSocket, int idleSessions, Launcher launcher) {

    static final String WEBSOCKET_PATH = "/websockify";

    /** Starts the relay (or not, for the direct baseline) in front of the backend. */
    @FunctionalInterface
    interface Launcher {
        Relay start(int backendPort, String logName) throws IOException;
    }

    /**
     * Opens one session to {@code relay}: TCP connect, plus the WebSocket upgrade where the target speaks
     * WebSocket. The watchdog closes the socket if this takes longer than {@code limit}.
     */
    BenchSession open(Relay relay, int readBuffer, Watchdog watchdog, Duration limit) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try (Watchdog.Guard guard = watchdog.guard(channel, limit)) {
            BenchSession session = webSocket
                    ? WebSocketBenchSession.connect(channel, relay.port(), WEBSOCKET_PATH, readBuffer)
                    : TcpBenchSession.connect(channel, relay.port(), readBuffer);
            if (guard.fired()) {
                throw new IOException("session set-up took longer than " + limit.toMillis() + " ms");
            }
            return session;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
