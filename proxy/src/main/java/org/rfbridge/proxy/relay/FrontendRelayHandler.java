// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.relay;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.proxy.websocket.KeepaliveHandler;

/**
 * The browser's side of a session. On the WebSocket handshake it opens the VNC connection to the target
 * the upgrade policy resolved; after that, every binary frame's payload (continuation frames included)
 * goes to the VNC server in order, and a text frame ends the session with status 1003.
 */
public final class FrontendRelayHandler extends ChannelInboundHandlerAdapter {

    /** Set by the upgrade policy once it has resolved the request's target; never set by the browser. */
    public static final AttributeKey<HostAndPort> TARGET = AttributeKey.valueOf("rfbridge.target");

    private final SessionRegistry registry;
    private final BackendConnector connector;
    private final Duration idleTimeout;
    private final Runnable onHandshake;
    private RelaySession session;

    /**
     * @param connector opens each session's VNC connection
     * @param onHandshake run on the event loop when the upgrade completes, before the VNC connection
     *     opens (the initializer uses it to drop the HTTP-only handlers)
     */
    public FrontendRelayHandler(SessionRegistry registry, BackendConnector connector, Duration idleTimeout,
                                Runnable onHandshake) {
        this.registry = registry;
        this.connector = connector;
        this.idleTimeout = idleTimeout;
        this.onHandshake = onHandshake;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof HandshakeComplete handshake) {
            HostAndPort target = ctx.channel().attr(TARGET).get();
            if (target == null) {
                // The policy handler always sets a target before it lets an upgrade through.
                ctx.close();
                return;
            }
            onHandshake.run();
            session = new RelaySession(registry, ctx.channel(), target, describe(ctx));
            session.open(connector, idleTimeout, handshake.selectedSubprotocol());
        } else if (evt instanceof KeepaliveHandler.Timeout timeout && session != null) {
            session.close(CloseReason.GOING_AWAY,
                    "browser did not answer keepalive pings for " + timeout.silence().toSeconds() + " s");
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (session == null || !(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (frame instanceof BinaryWebSocketFrame || frame instanceof ContinuationWebSocketFrame) {
            session.forwardUpstream(frame.content());
        } else if (frame instanceof TextWebSocketFrame) {
            frame.release();
            session.close(CloseReason.UNSUPPORTED_DATA, "text frames are not supported: send binary frames");
        } else if (frame instanceof CloseWebSocketFrame close) {
            onCloseFrame(ctx, close);
        } else {
            // Pongs reach here so the keepalive handler in front can count them as signs of life.
            ReferenceCountUtil.release(frame);
        }
    }

    private void onCloseFrame(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
        if (session.closeFrameSent()) {
            close.release();
            ctx.close();
            return;
        }
        int status = close.statusCode();
        session.browserClosed(status, close.reasonText());
        close.release();
        // Answer with the browser's own status; a close frame without one is answered with 1000.
        CloseWebSocketFrame answer = status < 0 ? new CloseWebSocketFrame(CloseReason.NORMAL, "")
                : new CloseWebSocketFrame(status, "");
        ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (session != null) {
            session.flushUpstream();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (session != null) {
            session.frontendWritabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (session != null) {
            if (cause instanceof CorruptedWebSocketFrameException) {
                // The frame decoder has already sent its close frame (1002 or 1009) and closes the channel.
                session.frontendFailed("bad frame from browser: " + cause.getMessage());
            } else {
                session.frontendFailed("browser connection failed: "
                        + (cause instanceof IOException ? cause.getMessage() : cause.toString()));
            }
        }
        ctx.close();
    }

    private static String describe(ChannelHandlerContext ctx) {
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress address) {
            return address.getAddress().getHostAddress() + ":" + address.getPort();
        }
        return String.valueOf(ctx.channel().remoteAddress());
    }
}
