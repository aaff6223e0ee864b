// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the time and the number of connections that have not (yet) become sessions. A connection must
 * deliver each whole HTTP request within the handshake timeout of opening or of its previous request,
 * however it trickles the bytes: an idle timeout alone lets a client that sends a byte a second hold a
 * connection forever. And only so many such connections may be open at once, proxy-wide, so a crowd of
 * slow clients cannot use up file descriptors and memory before the per-address rate limit sees them all.
 *
 * <p>Sits after the HTTP aggregator, so it sees whole requests; removed from the pipeline when the
 * WebSocket handshake completes, which also returns the connection's place in the count.
 */
public final class HandshakeDeadline extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(HandshakeDeadline.class);

    /** The proxy-wide count of connections that are not sessions, shared by every {@link HandshakeDeadline}. */
    public static final class Pending {
        private final AtomicInteger open = new AtomicInteger();
        private final int max;

        public Pending(int max) {
            this.max = max;
        }

        /** Takes a place, or returns false when all are taken. */
        boolean tryAcquire() {
            while (true) {
                int now = open.get();
                if (now >= max) {
                    return false;
                }
                if (open.compareAndSet(now, now + 1)) {
                    return true;
                }
            }
        }

        void release() {
            open.decrementAndGet();
        }

        /** How many connections are open and not sessions. */
        public int count() {
            return open.get();
        }

        public int max() {
            return max;
        }
    }

    private final Duration timeout;
    private final Pending pending;
    private ScheduledFuture<?> deadline;
    private boolean counted;

    public HandshakeDeadline(Duration timeout, Pending pending) {
        this.timeout = timeout;
        this.pending = pending;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (!pending.tryAcquire()) {
            log.warn("refused {}: {} connections are already waiting to become sessions", ctx.channel().remoteAddress(),
                    pending.max());
            ctx.close();
            return;
        }
        counted = true;
        arm(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest) {
            // A whole request arrived in time: the next one gets a window of its own.
            arm(ctx);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm();
        if (counted) {
            counted = false;
            pending.release();
        }
    }

    private void arm(ChannelHandlerContext ctx) {
        disarm();
        deadline = ctx.executor().schedule(() -> {
            log.debug("closing {}: no complete request within {} ms", ctx.channel().remoteAddress(), timeout.toMillis());
            ctx.close();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
