// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers a connection's first request with a fixed refusal and closes it; installed instead of the
 * normal pipeline when a connection is refused before it has said anything (a client over its rate).
 */
public final class RefusalHandler extends ChannelInboundHandlerAdapter {

    private final HttpResponseStatus status;
    private final String reason;
    private boolean answered;

    public RefusalHandler(HttpResponseStatus status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        boolean request = msg instanceof HttpRequest;
        ReferenceCountUtil.release(msg);
        if (request && !answered) {
            answered = true;
            HttpResponses.sendAndClose(ctx, status, reason);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
