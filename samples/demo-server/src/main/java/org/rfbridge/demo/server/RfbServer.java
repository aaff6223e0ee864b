// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.rfbridge.demo.desktop.DemoDesktop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo RFB server: accepts TCP connections and serves each as a session on the shared
 * {@link DemoDesktop}, at most {@link ServerOptions#maxClients()} at a time.
 *
 * <p>{@link #start()} and {@link #close()} may be called from any thread; accepting runs on a thread of its
 * own named {@code rfb-acceptor}.
 */
public final class RfbServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RfbServer.class);

    private final DemoDesktop desktop;
    private final ServerOptions options;
    private final ScreenLayouts screens;
    private final Map<Integer, ClientSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final LoginThrottle throttle = new LoginThrottle();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rfb-handshake-deadlines");
        thread.setDaemon(true);
        return thread;
    });
    private ServerSocket serverSocket;
    private Thread acceptor;
    private volatile boolean closing;

    public RfbServer(DemoDesktop desktop, ServerOptions options) {
        this.desktop = desktop;
        this.options = options;
        this.screens = desktop.addListener(
                bounds -> new ScreenLayouts(ScreenLayout.single(bounds.width(), bounds.height())));
    }

    /**
     * Binds the listening socket and starts accepting.
     *
     * @throws IOException           if the address cannot be bound
     * @throws IllegalStateException if already started
     */
    public synchronized void start() throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("already started");
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(options.listen(), 50);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen on " + options.listen() + ": " + e.getMessage(), e);
        }
        serverSocket = socket;
        acceptor = new Thread(this::acceptLoop, "rfb-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("demo RFB server listening on {} (RFB {}, {})", localAddress(), options.version().label(),
                options.authenticator() == null ? "no password" : "VNC password");
    }

    /** The bound address, with the real port when 0 was asked for. */
    public synchronized InetSocketAddress localAddress() {
        if (serverSocket == null) {
            throw new IllegalStateException("not started");
        }
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    /** Sessions alive now, including those still in their handshake. */
    public int sessionCount() {
        return sessions.size();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.error("accepting connections failed; the demo server stops accepting", e);
                }
                return;
            }
            if (sessions.size() >= options.maxClients()) {
                LOG.warn("refusing {}: already serving {} clients", client.getRemoteSocketAddress(), sessions.size());
                closeQuietly(client);
                continue;
            }
            int id = nextId.getAndIncrement();
            ClientSession session = new ClientSession(id, client, desktop, options, throttle, watchdog,
                    screens, () -> sessions.remove(id));
            sessions.put(id, session);
            if (closing) {
                session.close();
            }
            session.start();
        }
    }

    /** Stops accepting, ends every session and waits briefly for their threads. Idempotent. */
    @Override
    public void close() {
        closing = true;
        ServerSocket socket;
        Thread accepting;
        synchronized (this) {
            socket = serverSocket;
            accepting = acceptor;
        }
        if (socket != null) {
            closeQuietly(socket);
        }
        desktop.removeListener(screens);
        List<ClientSession> open = List.copyOf(sessions.values());
        open.forEach(ClientSession::close);
        watchdog.shutdownNow();
        try {
            if (accepting != null) {
                accepting.join(2000);
            }
            for (ClientSession session : open) {
                session.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }
}
