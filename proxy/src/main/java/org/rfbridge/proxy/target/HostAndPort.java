// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.target;

import java.util.Locale;

/**
 * A TCP endpoint as an operator writes it: {@code host:port}, {@code [v6addr]:port}, or {@code :port}
 * for loopback-only defaults where {@link #parse(String, String)} is given a default host.
 */
public record HostAndPort(String host, int port) {

    public HostAndPort {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }

    /** Parses {@code host:port}; the host is required. */
    public static HostAndPort parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses {@code [host:]port}. A bare port uses {@code defaultHost}; with no default host, a bare port
     * is an error.
     */
    public static HostAndPort parse(String text, String defaultHost) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("expected host:port, got an empty string");
        }
        String host;
        String portText;
        if (trimmed.startsWith("[")) {
            int close = trimmed.indexOf(']');
            if (close < 0 || close + 1 >= trimmed.length() || trimmed.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("expected [ipv6]:port, got '" + text + "'");
            }
            host = trimmed.substring(1, close);
            portText = trimmed.substring(close + 2);
        } else {
            int colon = trimmed.lastIndexOf(':');
            if (colon < 0) {
                host = defaultHost;
                portText = trimmed;
            } else if (trimmed.indexOf(':') != colon) {
                throw new IllegalArgumentException(
                        "an IPv6 address needs brackets, as in [::1]:5900; got '" + text + "'");
            } else {
                host = colon == 0 ? defaultHost : trimmed.substring(0, colon);
                portText = trimmed.substring(colon + 1);
            }
            if (host == null) {
                throw new IllegalArgumentException("expected host:port, got '" + text + "'");
            }
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + portText + "' in '" + text + "' is not a port number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " in '" + text + "' is outside 1-65535");
        }
        return new HostAndPort(host.toLowerCase(Locale.ROOT), port);
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
