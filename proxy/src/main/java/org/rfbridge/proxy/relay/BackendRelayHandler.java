// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.relay;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The VNC server's side of a session: every TCP read becomes one binary WebSocket frame for the browser,
 * flushed once per read burst rather than once per read.
 */
final class BackendRelayHandler extends ChannelInboundHandlerAdapter {

    private final RelaySession session;
    private final Duration idleTimeout;

    BackendRelayHandler(RelaySession session, Duration idleTimeout) {
        this.session = session;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (!idleTimeout.isZero()) {
            ctx.pipeline().addBefore(ctx.name(), "idle-timeout",
                    new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf data) {
            session.forwardDownstream(data);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        session.flushDownstream();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        session.backendWritabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE) {
            session.idleTimeout(idleTimeout);
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.backendClosed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String what = cause instanceof IOException ? cause.getMessage() : cause.toString();
        session.backendFailed("VNC server connection failed: " + what);
        ctx.close();
    }
}
