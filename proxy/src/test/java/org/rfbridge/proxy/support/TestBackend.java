// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on loopback standing in for a VNC server: each accepted connection runs the test's
 * {@link Behaviour} on a thread of its own. Counts connections so tests can prove none was made.
 */
public final class TestBackend implements AutoCloseable {

    /** What the "VNC server" does with one connection; the socket is closed when it returns. */
    @FunctionalInterface
    public interface Behaviour {
        void serve(Socket socket) throws Exception;
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final Thread acceptor;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private TestBackend(Behaviour behaviour) throws IOException {
        this.server = new ServerSocket(0, 2048, InetAddress.getLoopbackAddress());
        this.behaviour = behaviour;
        this.acceptor = new Thread(this::acceptLoop, "test-backend-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static TestBackend start(Behaviour behaviour) throws IOException {
        return new TestBackend(behaviour);
    }

    public int port() {
        return server.getLocalPort();
    }

    public String hostAndPort() {
        return "127.0.0.1:" + port();
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Connections whose behaviour has not returned yet. */
    public int open() {
        return open.get();
    }

    /** Exceptions thrown by behaviours, other than the socket closing under them. */
    public List<Throwable> failures() {
        return failures;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            open.incrementAndGet();
            sockets.add(socket);
            Thread worker = new Thread(() -> {
                try (socket) {
                    behaviour.serve(socket);
                } catch (IOException e) {
                    // The proxy closing the connection mid-behaviour is an outcome tests assert elsewhere.
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    sockets.remove(socket);
                    open.decrementAndGet();
                }
            }, "test-backend-conn");
            worker.setDaemon(true);
            worker.start();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** A free loopback port with nothing listening on it (for "target down" cases). */
    public static int unusedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return probe.getLocalPort();
        }
    }
}
