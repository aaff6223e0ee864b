// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.rfbridge.demo.desktop.DemoDesktop;

/**
 * A demo desktop with a fixed clock and no animation, served on a free loopback port: the test alone decides
 * when the picture changes.
 */
final class ServerFixture implements AutoCloseable {

    static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:34:56Z"), ZoneOffset.UTC);

    final DemoDesktop desktop;
    final RfbServer server;

    private ServerFixture(DemoDesktop desktop, RfbServer server) {
        this.desktop = desktop;
        this.server = server;
    }

    static ServerFixture start() throws IOException {
        return start(options());
    }

    static ServerOptions options() {
        return ServerOptions.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    static ServerFixture start(ServerOptions options) throws IOException {
        return start(options, 640, 480);
    }

    static ServerFixture start(ServerOptions options, int width, int height) throws IOException {
        DemoDesktop desktop = new DemoDesktop(width, height, "test desktop", FIXED_CLOCK);
        RfbServer server = new RfbServer(desktop, options);
        server.start();
        return new ServerFixture(desktop, server);
    }

    RfbTestClient connect() throws IOException {
        return RfbTestClient.connect(server.localAddress());
    }

    /** A client through the RFB 3.8 handshake without a password. */
    RfbTestClient connectReady() throws IOException {
        RfbTestClient client = connect();
        client.handshake("003.008", null);
        return client;
    }

    /** Waits (bounded) until the server counts {@code expected} sessions. */
    void awaitSessions(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.sessionCount() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (server.sessionCount() != expected) {
            throw new AssertionError("expected " + expected + " sessions, have " + server.sessionCount());
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
