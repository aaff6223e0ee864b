// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.websocket;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Pings a browser that has sent nothing for one ping interval, and gives up on it after
 * {@value #MISSED_PINGS_ALLOWED} unanswered pings. Browsers answer pings by themselves, so a live tab is
 * never dropped, while a vanished one (a laptop closed, a NAT entry expired) is found within a few
 * intervals instead of holding a VNC connection forever. The pings also keep idle intermediaries from
 * timing the connection out.
 *
 * <p>Sits behind the WebSocket protocol handler, which must pass pongs on, so any frame counts as life.
 * While the relay has paused reading from the browser (the VNC server is not keeping up), a pong could not
 * be read even if it came: the silence is then the proxy's own, so it is neither pinged nor counted.
 */
public final class KeepaliveHandler extends ChannelInboundHandlerAdapter {

    /** Fired down the pipeline when the browser stopped answering; the relay closes the session. */
    public record Timeout(Duration silence) {
    }

    static final int MISSED_PINGS_ALLOWED = 2;
    private static final byte[] PING_PAYLOAD = "rfbridge".getBytes(StandardCharsets.US_ASCII);

    private final Duration interval;
    private int unanswered;

    private KeepaliveHandler(Duration interval) {
        this.interval = interval;
    }

    /** Adds the idle detector and this handler before {@code beforeName}. */
    public static void install(io.netty.channel.ChannelPipeline pipeline, String beforeName, Duration interval) {
        pipeline.addBefore(beforeName, "keepalive-idle",
                new IdleStateHandler(interval.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addBefore(beforeName, "keepalive", new KeepaliveHandler(interval));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        unanswered = 0;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            if (!ctx.channel().config().isAutoRead()) {
                unanswered = 0;
                return;
            }
            if (unanswered >= MISSED_PINGS_ALLOWED) {
                ctx.fireUserEventTriggered(new Timeout(interval.multipliedBy(unanswered + 1L)));
                return;
            }
            unanswered++;
            ctx.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(PING_PAYLOAD)));
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }
}
