// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * RFB carried in binary WebSocket messages ({@code ws://} or {@code wss://}), as noVNC speaks it to
 * websockify or to rfbridge's proxy (whose path is {@code /websockify}). Message boundaries mean nothing:
 * the payloads are one byte stream.
 *
 * <p>Backpressure: the WebSocket is asked for one message at a time, and for the next only after
 * {@link #read} has handed the previous one on, so at most a few messages are ever buffered here.
 * Thread use as {@link Transport} says; the JDK's WebSocket delivers on its own executor threads.
 */
public final class WebSocketTransport implements Transport {
    /** How long a write may wait for the WebSocket to accept a message. */
    private static final long WRITE_TIMEOUT_SECONDS = 60;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final String description;
    private volatile WebSocket webSocket;
    private volatile boolean closed;
    private ByteBuffer current;
    private boolean ended;

    private WebSocketTransport(String description) {
        this.description = description;
    }

    /**
     * Opens a WebSocket to {@code uri}.
     *
     * @param uri          {@code ws://} or {@code wss://}
     * @param timeout      for the TCP connection and the opening handshake
     * @param subprotocol  a {@code Sec-WebSocket-Protocol} to offer (legacy servers want {@code "binary"}), or
     *                     null to offer none, as noVNC does by default
     * @param sslContext   for {@code wss://}, or null for the JDK's default trust
     * @throws IOException when the connection or the handshake fails
     */
    public static WebSocketTransport connect(URI uri, Duration timeout, String subprotocol, SSLContext sslContext)
            throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("not a ws:// or wss:// URI: " + uri);
        }
        HttpClient.Builder clientBuilder = HttpClient.newBuilder().connectTimeout(timeout);
        if (sslContext != null) {
            clientBuilder.sslContext(sslContext);
        }
        HttpClient client = clientBuilder.build();
        WebSocketTransport transport = new WebSocketTransport(uri.toString());
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(timeout);
        if (subprotocol != null) {
            builder.subprotocols(subprotocol);
        }
        try {
            transport.webSocket = builder.buildAsync(uri, transport.new Listener())
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return transport;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while opening " + uri);
        } catch (TimeoutException e) {
            throw new IOException("WebSocket handshake with " + uri + " timed out", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WebSocketHandshakeException handshake) {
                throw new IOException("WebSocket handshake with " + uri + " refused: HTTP "
                        + handshake.getResponse().statusCode(), handshake);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot open " + uri + ": " + cause, cause);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (current == null || !current.hasRemaining()) {
            if (ended) {
                return -1;
            }
            Object next;
            try {
                next = received.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading from " + description);
            }
            if (next instanceof IOException failure) {
                ended = true;
                throw failure;
            }
            if (next == END) {
                ended = true;
                return -1;
            }
            current = (ByteBuffer) next;
            WebSocket ws = webSocket;
            if (ws != null && !closed) {
                ws.request(1);
            }
        }
        int count = Math.min(length, current.remaining());
        current.get(buffer, offset, count);
        return count;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("WebSocket to " + description + " is closed");
        }
        ByteBuffer copy = ByteBuffer.allocate(length).put(data, offset, length).flip();
        try {
            webSocket.sendBinary(copy, true).get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing to " + description);
        } catch (TimeoutException e) {
            throw new IOException("WebSocket write to " + description + " timed out", e);
        } catch (ExecutionException e) {
            throw new IOException("WebSocket write to " + description + " failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        WebSocket ws = webSocket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((w, e) -> ws.abort());
        }
        received.add(END);
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            // The JDK may reuse the buffer once this returns, so keep a copy.
            ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
            if (copy.hasRemaining()) {
                received.add(copy);
            } else {
                ws.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            received.add(new IOException(description + " sent a text message; RFB needs binary messages"));
            ws.abort();
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            received.add(END);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            received.add(error instanceof IOException io ? io
                    : new IOException("WebSocket to " + description + " failed: " + error, error));
        }
    }
}
