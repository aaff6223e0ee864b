// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import javax.net.ssl.SSLContext;
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.protocol.ConnectionOptions;
import org.rfbridge.rfb.security.PasswordProvider;

/**
 * Everything an {@link RfbClient} session can be told: the protocol choices ({@link ConnectionOptions}) plus
 * timeouts, transport settings and threads. Immutable; build with {@link #builder()}.
 */
public final class ClientOptions {
    private final ConnectionOptions connection;
    private final Duration connectTimeout;
    private final Duration handshakeTimeout;
    private final String webSocketSubprotocol;
    private final SSLContext sslContext;
    private final ThreadFactory threadFactory;

    private ClientOptions(Builder b) {
        connection = b.connection.build();
        connectTimeout = b.connectTimeout;
        handshakeTimeout = b.handshakeTimeout;
        webSocketSubprotocol = b.webSocketSubprotocol;
        sslContext = b.sslContext;
        threadFactory = b.threadFactory;
    }

    /** The defaults: see {@link Builder}. */
    public static ClientOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public ConnectionOptions connection() {
        return connection;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** The WebSocket subprotocol to offer, or null for none. */
    public String webSocketSubprotocol() {
        return webSocketSubprotocol;
    }

    /** The TLS context for {@code wss://}, or null for the JDK default. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** Makes the session and reader threads, or null for named daemon threads. */
    public ThreadFactory threadFactory() {
        return threadFactory;
    }

    /**
     * Mutable builder; not thread-safe. Defaults: connect timeout 10 s, handshake timeout 30 s, no WebSocket
     * subprotocol, JDK TLS defaults, daemon threads, and the {@link ConnectionOptions#defaults() protocol
     * defaults} (shared session, 32-bit true colour, updates acknowledged by {@link RfbClient#updateConsumed()}).
     */
    public static final class Builder {
        private final ConnectionOptions.Builder connection = ConnectionOptions.builder();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration handshakeTimeout = Duration.ofSeconds(30);
        private String webSocketSubprotocol;
        private SSLContext sslContext;
        private ThreadFactory threadFactory;

        private Builder() {
        }

        /** The password for VNC Authentication. */
        public Builder password(String password) {
            connection.passwords(PasswordProvider.of(password));
            return this;
        }

        /** The password for VNC Authentication (copied). */
        public Builder password(char[] password) {
            connection.password(password);
            return this;
        }

        /** Asks for the password only when the server requires one (for example by prompting). */
        public Builder passwords(PasswordProvider passwords) {
            connection.passwords(passwords);
            return this;
        }

        /** ClientInit's shared flag (default true: other viewers stay connected). */
        public Builder shared(boolean shared) {
            connection.shared(shared);
            return this;
        }

        /** Whether every update is acknowledged as soon as listeners saw it (default false). */
        public Builder autoAcknowledgeUpdates(boolean auto) {
            connection.autoAcknowledgeUpdates(auto);
            return this;
        }

        /** The pixel format to request (default {@link PixelFormat#RGB888}). */
        public Builder pixelFormat(PixelFormat pixelFormat) {
            connection.pixelFormat(pixelFormat);
            return this;
        }

        /** Keep the server's native pixel format instead of requesting one (default false). */
        public Builder keepServerPixelFormat(boolean keep) {
            connection.keepServerPixelFormat(keep);
            return this;
        }

        /** Server cut text longer than this is skipped (default 256 KiB). */
        public Builder maxCutTextBytes(int max) {
            connection.maxCutTextBytes(max);
            return this;
        }

        /** Security types in order of preference (default: the first supported in the server's order). */
        public Builder securityTypes(List<Integer> types) {
            connection.securityTypes(types);
            return this;
        }

        /** The encodings this client decodes (default {@link DecoderRegistry#standard()}: all of them). */
        public Builder decoders(DecoderRegistry decoders) {
            connection.decoders(decoders);
            return this;
        }

        /** What to ask the server for (default {@link EncodingPreferences#auto()}: chosen from the link). */
        public Builder encodingPreferences(EncodingPreferences preferences) {
            connection.encodingPreferences(preferences);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /** Time from connecting to the end of the handshake before the session fails. */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = positive(timeout);
            return this;
        }

        public Builder webSocketSubprotocol(String subprotocol) {
            this.webSocketSubprotocol = subprotocol;
            return this;
        }

        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public Builder threadFactory(ThreadFactory threadFactory) {
            this.threadFactory = threadFactory;
            return this;
        }

        private static Duration positive(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + d);
            }
            return Objects.requireNonNull(d);
        }

        public ClientOptions build() {
            return new ClientOptions(this);
        }
    }
}
