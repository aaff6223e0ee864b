// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Small plain-text HTTP answers, with the headers every response of ours carries. */
public final class HttpResponses {

    private HttpResponses() {
    }

    /** Answers with {@code status} and {@code reason} as a one-line text body, then closes the connection. */
    public static void sendAndClose(ChannelHandlerContext ctx, HttpResponseStatus status, String reason) {
        FullHttpResponse response = text(status, reason);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** A response whose body is {@code body} plus a newline, as {@code text/plain}. */
    public static FullHttpResponse text(HttpResponseStatus status, String body) {
        ByteBuf content = Unpooled.copiedBuffer(body + "\n", StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        addCommonHeaders(response.headers());
        return response;
    }

    /** Headers that keep browsers from sniffing types or leaking the URL (which may carry a token). */
    public static void addCommonHeaders(HttpHeaders headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    }
}
