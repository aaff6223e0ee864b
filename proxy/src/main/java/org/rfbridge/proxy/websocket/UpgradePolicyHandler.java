// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.rfbridge.proxy.http.HttpResponses;
import org.rfbridge.proxy.relay.FrontendRelayHandler;
import org.rfbridge.proxy.relay.SessionRegistry;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.proxy.target.TargetResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, before any handshake and before any TCP connect, whether a request to the WebSocket path may
 * become a session: it must be an upgrade, from an allowed origin, offering a subprotocol we speak (or
 * none), naming a known target, and there must be a free session slot. A refusal is answered with an HTTP
 * status and a one-line reason, and logged. Requests for other paths pass through untouched.
 */
public final class UpgradePolicyHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(UpgradePolicyHandler.class);

    /** The only subprotocol we relay; noVNC also connects with none at all. */
    public static final String BINARY_SUBPROTOCOL = "binary";

    private final String webSocketPath;
    private final OriginPolicy originPolicy;
    private final TargetResolver targets;
    private final SessionRegistry registry;

    public UpgradePolicyHandler(String webSocketPath, OriginPolicy originPolicy, TargetResolver targets,
                                SessionRegistry registry) {
        this.webSocketPath = webSocketPath;
        this.originPolicy = originPolicy;
        this.targets = targets;
        this.registry = registry;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        if (!uri.path().equals(webSocketPath)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            HostAndPort target = admit(ctx, request, uri);
            if (target == null) {
                return;
            }
            ctx.channel().attr(FrontendRelayHandler.TARGET).set(target);
            ctx.channel().closeFuture().addListener(future -> registry.release());
            // The handshake handler matches the path exactly; the query (with the token) has served its
            // purpose, and dropping it keeps any other path, like /websockify/x, away from the handshake.
            request.setUri(webSocketPath);
            // Upgrades are one per connection, so later traffic needs no policy.
            ctx.pipeline().remove(this);
            ctx.fireChannelRead(request.retain());
        } finally {
            request.release();
        }
    }

    /** Returns the target to relay to, or null after answering the request with a refusal. */
    private HostAndPort admit(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri) {
        if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            return refuse(ctx, request, HttpResponseStatus.BAD_REQUEST,
                    webSocketPath + " expects a WebSocket upgrade request");
        }
        boolean tls = ctx.pipeline().get(SslHandler.class) != null;
        String originRefusal = originPolicy.refusal(request.headers().get(HttpHeaderNames.ORIGIN),
                request.headers().get(HttpHeaderNames.HOST), tls);
        if (originRefusal != null) {
            return refuse(ctx, request, HttpResponseStatus.FORBIDDEN, originRefusal);
        }
        List<String> offered = offeredSubprotocols(request);
        if (!offered.isEmpty() && !offered.contains(BINARY_SUBPROTOCOL)) {
            return refuse(ctx, request, HttpResponseStatus.BAD_REQUEST, "unsupported WebSocket subprotocol "
                    + offered + ": this proxy speaks only '" + BINARY_SUBPROTOCOL + "' (or none)");
        }
        String token = tokenOf(request, uri);
        Optional<HostAndPort> target = targets.resolve(token);
        if (target.isEmpty()) {
            return refuse(ctx, request, HttpResponseStatus.FORBIDDEN,
                    token == null ? "a token is required (?token=...)"
                            : "unknown token (fingerprint " + fingerprint(token) + ")");
        }
        if (!registry.tryReserve()) {
            return refuse(ctx, request, HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "the proxy is at its limit of " + registry.maxSessions() + " sessions");
        }
        return target.get();
    }

    private static HostAndPort refuse(ChannelHandlerContext ctx, FullHttpRequest request,
                                      HttpResponseStatus status, String reason) {
        // The path only: the query holds the token, a secret that must not reach the log.
        log.warn("refused {} {}: {} {}", clientOf(ctx), printable(new QueryStringDecoder(request.uri()).rawPath(), 200),
                status.code(), printable(reason, 500));
        HttpResponses.sendAndClose(ctx, status, reason);
        return null;
    }

    private static List<String> offeredSubprotocols(FullHttpRequest request) {
        return request.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(value -> !value.isEmpty())
                .toList();
    }

    /** The token from {@code ?token=}, or from a {@code token} cookie as websockify also accepts. */
    private static String tokenOf(FullHttpRequest request, QueryStringDecoder uri) {
        List<String> fromQuery = uri.parameters().get("token");
        if (fromQuery != null && !fromQuery.isEmpty()) {
            return fromQuery.get(0);
        }
        for (String header : request.headers().getAll(HttpHeaderNames.COOKIE)) {
            for (Cookie cookie : ServerCookieDecoder.STRICT.decode(header)) {
                if (cookie.name().equals("token")) {
                    return cookie.value();
                }
            }
        }
        return null;
    }

    /**
     * Eight hex digits of the token's SHA-256: enough for an operator to match a refusal with a token they
     * hold, useless for replaying it.
     */
    static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Text from the browser: keep control characters and floods out of logs and responses. */
    private static String printable(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static String clientOf(ChannelHandlerContext ctx) {
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress address) {
            return address.getAddress().getHostAddress();
        }
        return String.valueOf(ctx.channel().remoteAddress());
    }
}
