// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.rfbridge.proxy.http.ClasspathWebContent;
import org.rfbridge.proxy.http.DirectoryWebContent;
import org.rfbridge.proxy.http.WebContent;
import org.rfbridge.proxy.relay.BackendConnector;
import org.rfbridge.proxy.relay.CloseReason;
import org.rfbridge.proxy.relay.SessionRegistry;
import org.rfbridge.proxy.relay.TcpBackendConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running proxy: one listening socket serving HTTP(S) and WebSocket sessions. Start it with
 * {@link #start(ProxyConfig)}; {@link #close()} stops accepting, closes every session with status 1001 and
 * releases the threads. Thread-safe.
 */
public final class ProxyServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProxyServer.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final ProxyConfig config;
    private final NativeTransport transport;
    private final EventLoopGroup acceptGroup;
    private final EventLoopGroup ioGroup;
    private final SessionRegistry registry;
    private final Channel serverChannel;
    private final WebContent content;
    private volatile boolean closed;

    private ProxyServer(ProxyConfig config) throws IOException {
        this.config = config;
        this.transport = NativeTransport.best();
        this.registry = new SessionRegistry(config.maxSessions());
        this.content = config.webRoot() != null ? new DirectoryWebContent(config.webRoot())
                : new ClasspathWebContent();
        this.acceptGroup = transport.newEventLoopGroup(1);
        this.ioGroup = transport.newEventLoopGroup(config.ioThreads());
        WriteBufferWaterMark waterMark = new WriteBufferWaterMark(config.writeBufferLowWaterMark(),
                config.writeBufferHighWaterMark());
        BackendConnector connector = new TcpBackendConnector(transport.clientChannel(), config.connectTimeout(),
                waterMark);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptGroup, ioGroup)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark)
                .childHandler(new ProxyInitializer(config, content, registry,
                        new ConnectionRateLimiter(config.maxConnectionsPerSecond()), connector, this::health));
        try {
            this.serverChannel = bootstrap.bind(config.listen()).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutdownGroups();
            throw new IOException("cannot listen on " + config.listen() + ": " + e.getMessage(), e);
        }
    }

    /** Binds the listening socket and starts serving; fails if the address cannot be bound. */
    public static ProxyServer start(ProxyConfig config) throws IOException {
        ProxyServer server = new ProxyServer(config);
        log.info("rfbridge proxy listening on {} ({}), WebSocket path {}, {}, serving {}", server.localAddress(),
                server.transport.name().toLowerCase(Locale.ROOT), config.webSocketPath(),
                config.targets().describe(), server.content.describe());
        return server;
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** The address a person opens in a browser; a wildcard listen address is shown as {@code localhost}. */
    public String url() {
        InetSocketAddress address = localAddress();
        InetAddress ip = address.getAddress();
        String host;
        if (ip.isAnyLocalAddress() || ip.isLoopbackAddress()) {
            host = "localhost";
        } else if (ip instanceof Inet6Address) {
            host = "[" + ip.getHostAddress() + "]";
        } else {
            host = ip.getHostAddress();
        }
        return (config.tls() ? "https" : "http") + "://" + host + ":" + address.getPort() + "/";
    }

    /** The WebSocket URL of the relay, for clients other than the bundled viewer. */
    public String webSocketUrl() {
        return url().replaceFirst("^http", "ws").replaceFirst("/$", config.webSocketPath());
    }

    public NativeTransport transport() {
        return transport;
    }

    /** Sessions whose WebSocket handshake completed and that are still open. */
    public int liveSessions() {
        return registry.liveCount();
    }

    /** Session slots in use, counting upgrades still in their handshake. */
    public int reservedSessions() {
        return registry.reservedCount();
    }

    private String health() {
        return "{\"status\":\"ok\",\"sessions\":" + registry.liveCount() + ",\"maxSessions\":"
                + registry.maxSessions() + "}";
    }

    /**
     * Stops accepting, closes every session with status 1001 (going away), waits a moment for the close
     * frames to leave, and stops the threads. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serverChannel.close().awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        int sessions = registry.closeAll(CloseReason.GOING_AWAY, "proxy shutting down");
        long deadline = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
        while (registry.liveCount() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        shutdownGroups();
        log.info("rfbridge proxy stopped ({} sessions closed)", sessions);
    }

    private void shutdownGroups() {
        acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        // Bounded: a stop (SIGTERM above all) must end even if an event loop never reports termination,
        // which was seen once with a browser attached; the threads are daemons of a process about to exit.
        boolean terminated = ioGroup.terminationFuture().awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)
                & acceptGroup.terminationFuture().awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        if (!terminated) {
            log.warn("event loops did not stop within {} s; exiting without them", SHUTDOWN_WAIT_SECONDS);
        }
    }
}
