// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.rfbridge.proxy.target.HostAndPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser connected through the proxy to one VNC server: the two channels, the bytes moved, and how it
 * ended.
 *
 * <p>Threading: every method except {@link #closeFromAnyThread} runs on the frontend channel's event loop,
 * which is also the backend channel's loop, so the fields need no synchronisation.
 */
public final class RelaySession {

    private static final Logger log = LoggerFactory.getLogger(RelaySession.class);

    private final long id;
    private final SessionRegistry registry;
    private final Channel frontend;
    private final HostAndPort target;
    private final String client;
    private final long startNanos = System.nanoTime();
    private final ArrayDeque<ByteBuf> pendingUpstream = new ArrayDeque<>();

    private Channel backend;
    private long upstreamBytes;
    private long downstreamBytes;
    private String endReason;
    private boolean closeFrameSent;
    private boolean ended;

    RelaySession(SessionRegistry registry, Channel frontend, HostAndPort target, String client) {
        this.id = registry.nextId();
        this.registry = registry;
        this.frontend = frontend;
        this.target = target;
        this.client = client;
    }

    /** Logs the opening, registers the session and opens the backend connection on this loop. */
    void open(BackendConnector connector, Duration idleTimeout, String subprotocol) {
        registry.add(this);
        frontend.closeFuture().addListener(future -> onFrontendClosed());
        log.info("session {} open: client {} -> target {} (subprotocol {})", id, client, target,
                subprotocol == null ? "none" : subprotocol);

        // Browser frames that arrive before the VNC server accepts wait in pendingUpstream; stop reading
        // more until then so that wait stays one read long.
        frontend.config().setAutoRead(false);
        connector.connect(frontend, target, new BackendRelayHandler(this, idleTimeout))
                .addListener((ChannelFuture future) -> {
            if (future.isSuccess()) {
                onBackendConnected(future.channel());
            } else {
                onBackendConnectFailed(future.cause());
            }
        });
    }

    private void onBackendConnected(Channel channel) {
        if (ended || closeFrameSent) {
            channel.close();
            return;
        }
        backend = channel;
        while (!pendingUpstream.isEmpty()) {
            backend.write(pendingUpstream.poll());
        }
        backend.flush();
        frontend.config().setAutoRead(backend.isWritable());
    }

    private void onBackendConnectFailed(Throwable cause) {
        String why;
        if (cause instanceof ConnectTimeoutException) {
            why = "timed out";
        } else if (cause instanceof ConnectException) {
            why = "connection refused";
        } else {
            why = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        }
        close(CloseReason.INTERNAL_ERROR, "cannot connect to VNC server " + target + ": " + why);
    }

    /** A browser payload for the VNC server; ownership of {@code payload} passes to the session. */
    void forwardUpstream(ByteBuf payload) {
        if (closeFrameSent || ended) {
            payload.release();
            return;
        }
        upstreamBytes += payload.readableBytes();
        if (backend == null) {
            pendingUpstream.add(payload);
        } else {
            backend.write(payload, backend.voidPromise());
        }
    }

    void flushUpstream() {
        if (backend != null) {
            backend.flush();
        }
    }

    /** Bytes from the VNC server for the browser; ownership of {@code data} passes to the session. */
    void forwardDownstream(ByteBuf data) {
        if (closeFrameSent || ended) {
            data.release();
            return;
        }
        downstreamBytes += data.readableBytes();
        frontend.write(new BinaryWebSocketFrame(data), frontend.voidPromise());
    }

    void flushDownstream() {
        frontend.flush();
    }

    /** The browser's buffer filled or drained: pause or resume reading the VNC server. */
    void frontendWritabilityChanged() {
        if (backend != null) {
            backend.config().setAutoRead(frontend.isWritable());
        }
    }

    /** The VNC server's buffer filled or drained: pause or resume reading the browser. */
    void backendWritabilityChanged() {
        if (backend != null && !closeFrameSent) {
            frontend.config().setAutoRead(backend.isWritable());
        }
    }

    /**
     * Ends the session from the proxy's side: a WebSocket close frame with {@code statusCode} and
     * {@code reason} goes to the browser after everything already queued for it, and the VNC connection
     * closes once its queued bytes are written. The WebSocket protocol handler closes the browser's
     * connection when the browser answers, or when its close timeout passes.
     */
    void close(int statusCode, String reason) {
        if (closeFrameSent || ended) {
            return;
        }
        closeFrameSent = true;
        recordEndReason(reason);
        frontend.config().setAutoRead(true); // read the browser's answering close frame
        if (frontend.isActive()) {
            frontend.writeAndFlush(new CloseWebSocketFrame(statusCode, CloseReason.fitForFrame(reason)))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
        closeBackend();
    }

    /** {@link #close(int, String)} from a thread that is not this session's event loop. */
    public void closeFromAnyThread(int statusCode, String reason) {
        frontend.eventLoop().execute(() -> close(statusCode, reason));
    }

    /** The browser sent a close frame; the frontend handler answers it. */
    void browserClosed(int statusCode, String reasonText) {
        recordEndReason("browser closed (" + statusCode + (reasonText.isEmpty() ? "" : " " + reasonText) + ")");
        closeBackend();
    }

    /** The browser's stream broke (a protocol violation or an I/O error). */
    void frontendFailed(String reason) {
        recordEndReason(reason);
    }

    void backendClosed() {
        close(CloseReason.NORMAL, "VNC server closed the connection");
    }

    void backendFailed(String reason) {
        close(CloseReason.INTERNAL_ERROR, reason);
    }

    void idleTimeout(Duration idle) {
        close(CloseReason.NORMAL, "idle for " + idle.toSeconds() + " s");
    }

    boolean closeFrameSent() {
        return closeFrameSent;
    }

    private void recordEndReason(String reason) {
        if (endReason == null) {
            endReason = reason;
        }
    }

    private void closeBackend() {
        if (backend != null && backend.isActive()) {
            backend.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void onFrontendClosed() {
        if (ended) {
            return;
        }
        ended = true;
        recordEndReason("browser disconnected");
        ByteBuf pending;
        while ((pending = pendingUpstream.poll()) != null) {
            pending.release();
        }
        closeBackend();
        registry.remove(this);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        log.info("session {} closed: client {} -> target {}, {} bytes up, {} bytes down, {}.{} s, {}", id, client,
                target, upstreamBytes, downstreamBytes, millis / 1000, String.format("%03d", millis % 1000),
                endReason);
    }

    public long id() {
        return id;
    }

    public HostAndPort target() {
        return target;
    }
}
