// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.OptionalSslHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.rfbridge.proxy.http.RefusalHandler;
import org.rfbridge.proxy.http.StaticContentHandler;
import org.rfbridge.proxy.http.WebContent;
import org.rfbridge.proxy.relay.BackendConnector;
import org.rfbridge.proxy.relay.FrontendRelayHandler;
import org.rfbridge.proxy.relay.SessionRegistry;
import org.rfbridge.proxy.websocket.HandshakeDeadline;
import org.rfbridge.proxy.websocket.KeepaliveHandler;
import org.rfbridge.proxy.websocket.OriginPolicy;
import org.rfbridge.proxy.websocket.UpgradePolicyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline of each browser connection: (TLS) → HTTP codec → aggregator → upgrade policy → WebSocket
 * protocol → static files → relay. On the WebSocket handshake the HTTP-only handlers leave and keepalive
 * joins, so a session's frames pass through only what they need.
 */
final class ProxyInitializer extends ChannelInitializer<SocketChannel> {

    private static final Logger log = LoggerFactory.getLogger(ProxyInitializer.class);

    /** Upgrade requests and static file requests carry no body worth more than this. */
    private static final int MAX_REQUEST_BYTES = 64 << 10;
    /** How long the browser has to answer our close frame before the connection is cut. */
    private static final long CLOSE_ANSWER_TIMEOUT_MILLIS = 2_000;

    private final ProxyConfig config;
    private final WebContent content;
    private final SessionRegistry registry;
    private final ConnectionRateLimiter rateLimiter;
    private final OriginPolicy originPolicy;
    private final HandshakeDeadline.Pending pending;
    private final BackendConnector connector;
    private final Supplier<String> health;
    private final WebSocketServerProtocolConfig webSocketConfig;

    ProxyInitializer(ProxyConfig config, WebContent content, SessionRegistry registry,
                     ConnectionRateLimiter rateLimiter, BackendConnector connector, Supplier<String> health) {
        this.config = config;
        this.content = content;
        this.registry = registry;
        this.rateLimiter = rateLimiter;
        this.pending = new HandshakeDeadline.Pending(config.maxPendingConnections());
        this.originPolicy = new OriginPolicy(config.allowedOrigins(), config.requireOrigin(), ownNames(config));
        this.connector = connector;
        this.health = health;
        this.webSocketConfig = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(config.webSocketPath())
                .subprotocols(UpgradePolicyHandler.BINARY_SUBPROTOCOL)
                .checkStartsWith(false)
                .handshakeTimeoutMillis(config.handshakeTimeout().toMillis())
                .forceCloseTimeoutMillis(CLOSE_ANSWER_TIMEOUT_MILLIS)
                .handleCloseFrames(false)
                .dropPongFrames(false)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(config.maxFramePayload())
                        .allowExtensions(false)
                        .allowMaskMismatch(false)
                        .closeOnProtocolViolation(true)
                        .build())
                .build();
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (config.tls()) {
            SslContext tls = config.sslContext().get();
            pipeline.addLast("tls", config.sslOnly() ? tls.newHandler(channel.alloc()) : new OptionalSslHandler(tls));
        }
        pipeline.addLast("http", new HttpServerCodec());
        if (!rateLimiter.tryAcquire(channel.remoteAddress().getAddress())) {
            String reason = "too many new connections from " + channel.remoteAddress().getAddress().getHostAddress()
                    + " (limit " + rateLimiter.perSecond() + " a second)";
            log.warn("refused {}: 429 {}", channel.remoteAddress(), reason);
            pipeline.addLast("handshake-deadline", new HandshakeDeadline(config.handshakeTimeout(), pending));
            pipeline.addLast("refusal", new RefusalHandler(HttpResponseStatus.TOO_MANY_REQUESTS, reason));
            return;
        }
        pipeline.addLast("aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES));
        pipeline.addLast("handshake-deadline", new HandshakeDeadline(config.handshakeTimeout(), pending));
        pipeline.addLast("chunked", new ChunkedWriteHandler());
        pipeline.addLast("upgrade-policy",
                new UpgradePolicyHandler(config.webSocketPath(), originPolicy, config.targets(), registry));
        pipeline.addLast("websocket", new WebSocketServerProtocolHandler(webSocketConfig));
        pipeline.addLast("static", new StaticContentHandler(content, health));
        pipeline.addLast("relay", new FrontendRelayHandler(registry, connector, config.idleTimeout(),
                () -> onHandshake(pipeline)));
    }

    private void onHandshake(ChannelPipeline pipeline) {
        pipeline.remove("handshake-deadline");
        pipeline.remove("chunked");
        pipeline.remove("static");
        if (!config.pingInterval().isZero()) {
            KeepaliveHandler.install(pipeline, "relay", config.pingInterval());
        }
    }

    /**
     * The names a browser may use to reach this proxy, besides its addresses and {@code localhost}: the
     * operator's, the listen address's if it is a name, and the machine's own (looked up once, at start-up).
     */
    static List<String> ownNames(ProxyConfig config) {
        List<String> names = new ArrayList<>(config.allowedHosts());
        InetSocketAddress listen = config.listen();
        if (listen.isUnresolved() || !listen.getHostString().equals(listen.getAddress().getHostAddress())) {
            names.add(listen.getHostString());
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName());
            names.add(local.getCanonicalHostName());
        } catch (IOException e) {
            // A machine without a resolvable name of its own is reached by address or localhost.
        }
        return names;
    }
}
