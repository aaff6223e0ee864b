// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.client;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.rfbridge.rfb.transport.TcpTransport;
import org.rfbridge.rfb.transport.Transport;
import org.rfbridge.rfb.transport.WebSocketTransport;

/**
 * Where to connect: a TCP host and port, or a WebSocket URL. Immutable.
 *
 * <p>Accepted forms, as VNC users write them:
 * <ul>
 *   <li>{@code host:N} - a display number when N is below 100 (port 5900 + N), otherwise a port;</li>
 *   <li>{@code host::PORT} - always a port;</li>
 *   <li>{@code host} - display 0 (port 5900); {@code [::1]:N} for IPv6 literals;</li>
 *   <li>{@code ws://host[:port][/path]} or {@code wss://...} - a WebSocket; an empty path means
 *       {@code /websockify}, the path of websockify and of rfbridge's proxy.</li>
 * </ul>
 *
 * @param host         the TCP host, or the WebSocket URL's host
 * @param port         the TCP port, or the WebSocket URL's port (-1 when the URL has none)
 * @param webSocketUri the WebSocket URL, or null for TCP
 */
public record Target(String host, int port, URI webSocketUri) {
    /** The first VNC port; display N listens on this plus N. */
    public static final int BASE_PORT = 5900;
    /** Numbers below this after a single colon are display numbers. */
    public static final int MAX_DISPLAY = 100;
    /** The path used when a WebSocket URL gives none. */
    public static final String DEFAULT_WEBSOCKET_PATH = "/websockify";

    /** A TCP target. */
    public static Target tcp(String host, int port) {
        checkPort(port);
        return new Target(host, port, null);
    }

    /**
     * Parses a target as the class comment describes.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static Target parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty target");
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ws://") || lower.startsWith("wss://")) {
            return parseWebSocket(trimmed);
        }
        if (lower.contains("://")) {
            throw new IllegalArgumentException("unsupported scheme in \"" + text + "\": use host:port, host:display,"
                    + " ws:// or wss://");
        }
        String host;
        String rest;
        if (trimmed.startsWith("[")) {
            int close = trimmed.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in \"" + text + "\"");
            }
            host = trimmed.substring(1, close);
            rest = trimmed.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("expected :port after ] in \"" + text + "\"");
            }
        } else {
            int colon = trimmed.indexOf(':');
            host = colon < 0 ? trimmed : trimmed.substring(0, colon);
            rest = colon < 0 ? "" : trimmed.substring(colon);
        }
        if (host.isEmpty()) {
            host = "localhost";
        }
        if (rest.isEmpty()) {
            return tcp(host, BASE_PORT);
        }
        boolean explicitPort = rest.startsWith("::");
        String number = rest.substring(explicitPort ? 2 : 1);
        if (number.isEmpty() || number.length() > 5 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("\"" + number + "\" in \"" + text + "\" is not a display or port number");
        }
        int value = Integer.parseInt(number);
        int port = !explicitPort && value < MAX_DISPLAY ? BASE_PORT + value : value;
        checkPort(port);
        return tcp(host, port);
    }

    private static Target parseWebSocket(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid WebSocket URL \"" + text + "\": " + e.getReason(), e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host in WebSocket URL \"" + text + "\"");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? DEFAULT_WEBSOCKET_PATH : uri.getRawPath();
        try {
            URI complete = new URI(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            return new Target(uri.getHost(), uri.getPort(), complete);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid WebSocket URL \"" + text + "\": " + e.getReason(), e);
        }
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 1..65535");
        }
    }

    public boolean isWebSocket() {
        return webSocketUri != null;
    }

    /** Opens a transport to this target (blocking, bounded by the options' connect timeout). */
    public Transport open(ClientOptions options) throws IOException {
        if (isWebSocket()) {
            return WebSocketTransport.connect(webSocketUri, options.connectTimeout(), options.webSocketSubprotocol(),
                    options.sslContext());
        }
        return TcpTransport.connect(host, port, options.connectTimeout());
    }

    /** {@code host:port} for TCP (IPv6 literals in brackets), the URL for WebSocket. */
    @Override
    public String toString() {
        if (isWebSocket()) {
            return webSocketUri.toString();
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
