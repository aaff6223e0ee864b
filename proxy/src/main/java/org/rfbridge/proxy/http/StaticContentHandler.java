// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.stream.ChunkedInput;
import java.io.IOException;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every HTTP request that is not a WebSocket upgrade: the viewer's static files, and
 * {@value #HEALTH_PATH} for load balancers and scripts. Only GET and HEAD are served.
 */
public final class StaticContentHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(StaticContentHandler.class);
    public static final String HEALTH_PATH = "/healthz";

    private final WebContent content;
    private final Supplier<String> health;

    /** @param health the JSON body of the health answer, built per request */
    public StaticContentHandler(WebContent content, Supplier<String> health) {
        this.content = content;
        this.health = health;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpMethod method = request.method();
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            FullHttpResponse response = HttpResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    method + " is not served here");
            response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            send(ctx, response, keepAlive);
            return;
        }
        String path = normalise(new QueryStringDecoder(request.uri()).path());
        if (path == null) {
            send(ctx, HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "bad path"), keepAlive);
            return;
        }
        if (path.equals(HEALTH_PATH)) {
            FullHttpResponse response = HttpResponses.text(HttpResponseStatus.OK, health.get());
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            send(ctx, response, keepAlive);
            return;
        }
        Optional<WebResource> found;
        try {
            found = content.find(path);
        } catch (IOException e) {
            log.warn("cannot read {} from {}: {}", path, content.describe(), e.toString());
            send(ctx, HttpResponses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "cannot read " + path), false);
            return;
        }
        if (found.isEmpty()) {
            send(ctx, HttpResponses.text(HttpResponseStatus.NOT_FOUND, path + " not found"), keepAlive);
            return;
        }
        serve(ctx, found.get(), method.equals(HttpMethod.HEAD), keepAlive);
    }

    private void serve(ChannelHandlerContext ctx, WebResource resource, boolean headOnly, boolean keepAlive) {
        Object body = null;
        try {
            if (!headOnly) {
                body = resource.newBody();
            }
        } catch (IOException e) {
            send(ctx, HttpResponses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "cannot read file"), false);
            return;
        }
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, resource.contentType());
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, resource.length());
        if (resource.lastModifiedMillis() > 0) {
            response.headers().set(HttpHeaderNames.LAST_MODIFIED,
                    DateFormatter.format(new Date(resource.lastModifiedMillis())));
        }
        HttpResponses.addCommonHeaders(response.headers());
        String policy = content.contentSecurityPolicy();
        response.headers().set("Content-Security-Policy", policy);
        // For browsers that predate frame-ancestors.
        response.headers().set("X-Frame-Options", policy.contains("frame-ancestors 'none'") ? "DENY" : "SAMEORIGIN");
        HttpUtil.setKeepAlive(response, keepAlive);
        ctx.write(response);
        ChannelFuture last;
        if (body instanceof ByteBuf bytes) {
            last = ctx.writeAndFlush(new DefaultLastHttpContent(bytes));
        } else if (body instanceof ChunkedInput<?> chunks) {
            last = ctx.writeAndFlush(chunks);
        } else {
            last = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        }
        if (!keepAlive) {
            last.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /**
     * Maps a decoded request path to a file path: {@code /} and directories to their {@code index.html},
     * and null for anything that could step outside the web root or hide a file (dot segments, backslashes,
     * NUL).
     */
    static String normalise(String decodedPath) {
        if (!decodedPath.startsWith("/") || decodedPath.indexOf('\0') >= 0 || decodedPath.indexOf('\\') >= 0) {
            return null;
        }
        String path = decodedPath.endsWith("/") ? decodedPath + "index.html" : decodedPath;
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return null;
            }
        }
        return path;
    }
}
