// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rfbridge.proxy.relay.FrontendRelayHandler;
import org.rfbridge.proxy.relay.SessionRegistry;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.proxy.target.TargetResolver;
import org.slf4j.LoggerFactory;

class UpgradePolicyHandlerTest {

    private static final HostAndPort VNC = new HostAndPort("127.0.0.1", 5901);

    /** Tokens: "lab" is known; anything else is not. */
    private final TargetResolver tokens = new TargetResolver() {
        @Override
        public Optional<HostAndPort> resolve(String token) {
            return "lab".equals(token) ? Optional.of(VNC) : Optional.empty();
        }

        @Override
        public String describe() {
            return "test tokens";
        }
    };

    private final SessionRegistry registry = new SessionRegistry(1);
    private EmbeddedChannel channel;

    @AfterEach
    void finish() {
        Object leftover;
        while ((leftover = channel.readInbound()) != null) {
            ReferenceCountUtil.release(leftover);
        }
        while ((leftover = channel.readOutbound()) != null) {
            ReferenceCountUtil.release(leftover);
        }
        channel.finishAndReleaseAll();
    }

    private EmbeddedChannel channel(List<String> origins) {
        channel = new EmbeddedChannel(new UpgradePolicyHandler("/websockify", new OriginPolicy(origins, false, List.of()),
                tokens, registry));
        return channel;
    }

    private static FullHttpRequest upgrade(String uri, String origin, String subprotocols) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        request.headers().set(HttpHeaderNames.HOST, "localhost:6080");
        request.headers().set(HttpHeaderNames.UPGRADE, "websocket");
        request.headers().set(HttpHeaderNames.CONNECTION, "Upgrade");
        if (origin != null) {
            request.headers().set(HttpHeaderNames.ORIGIN, origin);
        }
        if (subprotocols != null) {
            request.headers().set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, subprotocols);
        }
        return request;
    }

    /** Sends the request; returns the refusal's status and body, or null when the request was passed on. */
    private String refusalFor(FullHttpRequest request) {
        channel.writeInbound(request);
        FullHttpResponse response = channel.readOutbound();
        if (response == null) {
            return null;
        }
        try {
            return response.status().code() + " " + response.content().toString(StandardCharsets.UTF_8).trim();
        } finally {
            response.release();
        }
    }

    @Test
    void admitsAKnownTokenFromTheSameOriginAndRewritesTheUri() {
        channel(List.of());
        assertNull(refusalFor(upgrade("/websockify?token=lab", "http://localhost:6080", "binary")));
        FullHttpRequest passed = channel.readInbound();
        assertEquals("/websockify", passed.uri());
        passed.release();
        assertEquals(VNC, channel.attr(FrontendRelayHandler.TARGET).get());
        assertNull(channel.pipeline().get(UpgradePolicyHandler.class), "the policy leaves after one upgrade");
        assertEquals(1, registry.reservedCount());
        channel.close();
        assertEquals(0, registry.reservedCount(), "the slot is released when the connection closes");
    }

    @Test
    void admitsNoSubprotocolAsNoVncSendsIt() {
        channel(List.of());
        assertNull(refusalFor(upgrade("/websockify?token=lab", null, null)));
        ReferenceCountUtil.release(channel.readInbound());
    }

    @Test
    void takesTheTokenFromACookieToo() {
        channel(List.of());
        FullHttpRequest request = upgrade("/websockify", null, null);
        request.headers().set(HttpHeaderNames.COOKIE, "theme=dark; token=lab");
        assertNull(refusalFor(request));
        ReferenceCountUtil.release(channel.readInbound());
    }

    @Test
    void passesOtherPathsThroughUntouched() {
        channel(List.of());
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/index.html");
        assertNull(refusalFor(request));
        FullHttpRequest passed = channel.readInbound();
        assertSame(request, passed);
        passed.release();
        assertTrue(channel.pipeline().get(UpgradePolicyHandler.class) != null);
    }

    @Test
    void refusesAPlainGetOnTheWebSocketPath() {
        channel(List.of());
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/websockify");
        assertEquals("400 /websockify expects a WebSocket upgrade request", refusalFor(request));
        assertFalse(channel.isOpen());
    }

    @Test
    void refusesAForeignOriginBeforeAnythingElse() {
        channel(List.of());
        assertEquals("403 origin 'http://evil.example' does not match host 'localhost:6080'",
                refusalFor(upgrade("/websockify?token=lab", "http://evil.example", "binary")));
        assertNull(channel.attr(FrontendRelayHandler.TARGET).get());
        assertEquals(0, registry.reservedCount());
    }

    @Test
    void refusesBase64OnlyClients() {
        channel(List.of());
        assertEquals("400 unsupported WebSocket subprotocol [base64]: this proxy speaks only 'binary' (or none)",
                refusalFor(upgrade("/websockify?token=lab", null, "base64")));
    }

    @Test
    void acceptsBinaryAmongOtherOffers() {
        channel(List.of());
        assertNull(refusalFor(upgrade("/websockify?token=lab", null, "base64, binary")));
        ReferenceCountUtil.release(channel.readInbound());
    }

    @Test
    void refusalsLogNeitherTheTokenNorControlCharacters() {
        Logger logger = (Logger) LoggerFactory.getLogger(UpgradePolicyHandler.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            channel(List.of());
            refusalFor(upgrade("/websockify?token=s3cret-token", null, null));
            channel.finishAndReleaseAll();
            channel(List.of());
            refusalFor(upgrade("/websockify?token=other-secret&x=%1b%5b31m", "http://evil.example", null));
        } finally {
            logger.detachAppender(appender);
        }
        assertEquals(2, appender.list.size());
        for (ILoggingEvent event : appender.list) {
            String line = event.getFormattedMessage();
            assertFalse(line.contains("s3cret-token") || line.contains("other-secret"), line);
            assertFalse(line.chars().anyMatch(Character::isISOControl), line);
        }
    }

    @Test
    void refusesUnknownAndMissingTokens() {
        channel(List.of());
        assertEquals("403 unknown token (fingerprint ca3704aa)", refusalFor(upgrade("/websockify?token=nope", null, null)));
        channel.finishAndReleaseAll();
        channel(List.of());
        assertEquals("403 a token is required (?token=...)", refusalFor(upgrade("/websockify", null, null)));
        assertEquals(0, registry.reservedCount());
    }

    @Test
    void refusesWhenEverySessionSlotIsTaken() {
        assertTrue(registry.tryReserve());
        channel(List.of());
        assertEquals("503 the proxy is at its limit of 1 sessions",
                refusalFor(upgrade("/websockify?token=lab", null, null)));
        registry.release();
    }
}
