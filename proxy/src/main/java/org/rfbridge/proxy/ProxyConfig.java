// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.rfbridge.proxy.target.TargetResolver;
import org.rfbridge.proxy.websocket.OriginPolicy;

/**
 * Everything a {@link ProxyServer} needs, immutable. Build one with {@link #builder(TargetResolver)}; the
 * defaults are the command line's defaults.
 *
 * @param listen where to accept browsers
 * @param targets where sessions may connect (the only place a target can come from)
 * @param webSocketPath the path upgraded to WebSocket, {@code /websockify} as noVNC expects
 * @param webRoot a directory to serve instead of the bundled viewer, or {@code null}
 * @param allowedOrigins origins allowed to open a session; empty means "the request's own host"
 * @param requireOrigin refuse requests without an {@code Origin} header (non-browser clients)
 * @param allowedHosts host names besides its addresses, {@code localhost} and the machine's names that reach
 *     this proxy; with no allowed origins, a page's host must be one of them (against DNS rebinding)
 * @param sslContext TLS for https/wss on the same port (asked for each new connection, so it may change), or
 *     {@code null} for plain http/ws
 * @param sslOnly with TLS, refuse plain connections instead of serving both on one port
 * @param maxFramePayload the largest WebSocket frame payload accepted from a browser, in bytes
 * @param maxSessions the most concurrent sessions
 * @param maxPendingConnections the most connections open at once that are not sessions (page loads, upgrades
 *     in progress, refusals being answered)
 * @param maxConnectionsPerSecond new connections a second allowed from one client address
 * @param connectTimeout how long to wait for the VNC server to accept
 * @param handshakeTimeout how long a connection may take to send its HTTP request and upgrade
 * @param pingInterval how often an otherwise silent session pings the browser; zero disables
 * @param idleTimeout close a session that relayed nothing either way for this long; zero disables
 * @param writeBufferLowWaterMark resume reading the other side when pending bytes fall below this
 * @param writeBufferHighWaterMark stop reading the other side when pending bytes exceed this
 * @param ioThreads event loop threads; zero picks Netty's default
 */
public record ProxyConfig(
        InetSocketAddress listen,
        TargetResolver targets,
        String webSocketPath,
        Path webRoot,
        List<String> allowedOrigins,
        boolean requireOrigin,
        List<String> allowedHosts,
        Supplier<SslContext> sslContext,
        boolean sslOnly,
        int maxFramePayload,
        int maxSessions,
        int maxPendingConnections,
        int maxConnectionsPerSecond,
        Duration connectTimeout,
        Duration handshakeTimeout,
        Duration pingInterval,
        Duration idleTimeout,
        int writeBufferLowWaterMark,
        int writeBufferHighWaterMark,
        int ioThreads) {

    public static final int DEFAULT_PORT = 6080;
    public static final String DEFAULT_WEBSOCKET_PATH = "/websockify";

    public ProxyConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(webSocketPath, "webSocketPath");
        if (!webSocketPath.startsWith("/") || webSocketPath.contains("?")) {
            throw new IllegalArgumentException("the WebSocket path must start with '/' and have no query: "
                    + webSocketPath);
        }
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedOrigins.stream().filter(origin -> !origin.equals("*")).forEach(OriginPolicy::requireOrigin);
        allowedHosts = List.copyOf(allowedHosts);
        for (String host : allowedHosts) {
            if (host.isBlank() || host.contains(":") || host.contains("/")) {
                throw new IllegalArgumentException("allowed host '" + host + "' is not a host name (no scheme, no port)");
            }
        }
        requirePositive("maxFramePayload", maxFramePayload);
        requirePositive("maxSessions", maxSessions);
        requirePositive("maxPendingConnections", maxPendingConnections);
        requirePositive("maxConnectionsPerSecond", maxConnectionsPerSecond);
        requirePositive("connectTimeout", connectTimeout.toMillis());
        requirePositive("handshakeTimeout", handshakeTimeout.toMillis());
        if (pingInterval.isNegative() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("ping interval and idle timeout must not be negative");
        }
        requirePositive("writeBufferLowWaterMark", writeBufferLowWaterMark);
        if (writeBufferHighWaterMark < writeBufferLowWaterMark) {
            throw new IllegalArgumentException("the high water mark must not be below the low water mark");
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must not be negative");
        }
        if (sslOnly && sslContext == null) {
            throw new IllegalArgumentException("ssl-only needs a certificate");
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    public static Builder builder(TargetResolver targets) {
        return new Builder(targets);
    }

    /** Whether this proxy serves https/wss. */
    public boolean tls() {
        return sslContext != null;
    }

    /** A builder whose defaults match the command line's. */
    public static final class Builder {
        private InetSocketAddress listen = new InetSocketAddress("localhost", DEFAULT_PORT);
        private final TargetResolver targets;
        private String webSocketPath = DEFAULT_WEBSOCKET_PATH;
        private Path webRoot;
        private List<String> allowedOrigins = List.of();
        private boolean requireOrigin;
        private List<String> allowedHosts = List.of();
        private Supplier<SslContext> sslContext;
        private boolean sslOnly;
        private int maxFramePayload = 4 << 20;
        private int maxSessions = 10_000;
        private int maxPendingConnections = 1_000;
        private int maxConnectionsPerSecond = 100;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration pingInterval = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ZERO;
        private int writeBufferLowWaterMark = 256 << 10;
        private int writeBufferHighWaterMark = 512 << 10;
        private int ioThreads;

        private Builder(TargetResolver targets) {
            this.targets = targets;
        }

        public Builder listen(InetSocketAddress value) { listen = value; return this; }
        public Builder webSocketPath(String value) { webSocketPath = value; return this; }
        public Builder webRoot(Path value) { webRoot = value; return this; }
        public Builder allowedOrigins(List<String> value) { allowedOrigins = value; return this; }
        public Builder requireOrigin(boolean value) { requireOrigin = value; return this; }
        public Builder allowedHosts(List<String> value) { allowedHosts = value; return this; }
        public Builder sslContext(SslContext value) { sslContext = value == null ? null : () -> value; return this; }
        public Builder sslContextSource(Supplier<SslContext> value) { sslContext = value; return this; }
        public Builder sslOnly(boolean value) { sslOnly = value; return this; }
        public Builder maxFramePayload(int value) { maxFramePayload = value; return this; }
        public Builder maxSessions(int value) { maxSessions = value; return this; }
        public Builder maxPendingConnections(int value) { maxPendingConnections = value; return this; }
        public Builder maxConnectionsPerSecond(int value) { maxConnectionsPerSecond = value; return this; }
        public Builder connectTimeout(Duration value) { connectTimeout = value; return this; }
        public Builder handshakeTimeout(Duration value) { handshakeTimeout = value; return this; }
        public Builder pingInterval(Duration value) { pingInterval = value; return this; }
        public Builder idleTimeout(Duration value) { idleTimeout = value; return this; }
        public Builder ioThreads(int value) { ioThreads = value; return this; }

        public Builder writeBufferWaterMarks(int low, int high) {
            writeBufferLowWaterMark = low;
            writeBufferHighWaterMark = high;
            return this;
        }

        public ProxyConfig build() {
            return new ProxyConfig(listen, targets, webSocketPath, webRoot, allowedOrigins, requireOrigin,
                    allowedHosts, sslContext, sslOnly, maxFramePayload, maxSessions, maxPendingConnections,
                    maxConnectionsPerSecond, connectTimeout,
                    handshakeTimeout, pingInterval, idleTimeout, writeBufferLowWaterMark,
                    writeBufferHighWaterMark, ioThreads);
        }
    }
}
