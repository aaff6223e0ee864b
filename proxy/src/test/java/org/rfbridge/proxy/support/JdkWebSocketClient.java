// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JDK's own WebSocket client (a real, independent implementation) wired to digest everything it
 * receives, for byte-exact comparisons, and to report how the server closed.
 */
public final class JdkWebSocketClient implements WebSocket.Listener {

    /** How the server ended the session. */
    public record Closed(int code, String reason) {
    }

    private final MessageDigest received = RawWebSocket.sha256();
    private final AtomicLong receivedBytes = new AtomicLong();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final CompletableFuture<Void> expectedBytesArrived = new CompletableFuture<>();
    private final long expectedBytes;
    private WebSocket webSocket;

    private JdkWebSocketClient(long expectedBytes) {
        this.expectedBytes = expectedBytes;
    }

    /** Connects to {@code uri}; {@link #allReceived()} completes once {@code expectedBytes} have arrived. */
    public static JdkWebSocketClient connect(URI uri, long expectedBytes) {
        return connect(HttpClient.newHttpClient(), uri, expectedBytes);
    }

    /** As {@link #connect(URI, long)}, through {@code http} (for its TLS settings). */
    public static JdkWebSocketClient connect(HttpClient http, URI uri, long expectedBytes) {
        JdkWebSocketClient client = new JdkWebSocketClient(expectedBytes);
        client.webSocket = http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, client)
                .join();
        return client;
    }

    public WebSocket webSocket() {
        return webSocket;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        long total;
        synchronized (received) {
            total = receivedBytes.addAndGet(data.remaining());
            received.update(data);
        }
        if (total >= expectedBytes) {
            expectedBytesArrived.complete(null);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.completeExceptionally(error);
        expectedBytesArrived.completeExceptionally(error);
    }

    public CompletableFuture<Void> allReceived() {
        return expectedBytesArrived;
    }

    public CompletableFuture<Closed> closed() {
        return closed;
    }

    public long receivedBytes() {
        return receivedBytes.get();
    }

    public byte[] receivedDigest() {
        synchronized (received) {
            return received.digest();
        }
    }
}
