// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.websocket;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a browser page from a given {@code Origin} may open a session. Browsers send
 * {@code Origin} on every WebSocket upgrade and a page cannot forge it, so checking it stops other sites'
 * pages from reaching the VNC server through a user's browser (cross-site WebSocket hijacking).
 *
 * <p>With no configured origins, only pages served by this same host and port are allowed: the viewer the
 * proxy serves itself.
 */
public final class OriginPolicy {

    private final Set<String> allowed;
    private final boolean allowAny;
    private final boolean requireOrigin;

    /**
     * @param allowedOrigins origins such as {@code https://example.org:8443}; {@code *} allows any; empty
     *     allows only the request's own host
     * @param requireOrigin refuse requests with no {@code Origin} header
     */
    public OriginPolicy(List<String> allowedOrigins, boolean requireOrigin) {
        this.allowAny = allowedOrigins.contains("*");
        this.allowed = allowedOrigins.stream()
                .filter(origin -> !origin.equals("*"))
                .map(OriginPolicy::normalise)
                .collect(Collectors.toUnmodifiableSet());
        this.requireOrigin = requireOrigin;
    }

    /**
     * Returns null when the request may proceed, otherwise the reason it may not.
     *
     * @param origin the {@code Origin} header, or null when absent
     * @param host the {@code Host} header, or null when absent
     * @param tls whether the request arrived over TLS (sets the default port of {@code host})
     */
    public String refusal(String origin, String host, boolean tls) {
        if (origin == null || origin.isEmpty()) {
            return requireOrigin ? "an Origin header is required" : null;
        }
        if (allowAny) {
            return null;
        }
        String normalised = normalise(origin);
        if (normalised == null) {
            return "origin '" + origin + "' is not a valid origin";
        }
        if (!allowed.isEmpty()) {
            return allowed.contains(normalised) ? null : "origin '" + origin + "' is not allowed";
        }
        if (host != null && hostAndPortOf(normalised).equals(withDefaultPort(host, tls ? 443 : 80))) {
            return null;
        }
        return "origin '" + origin + "' does not match host '" + host + "'";
    }

    /** {@code scheme://host:port} with every part explicit and lower case, or null if it is no origin. */
    static String normalise(String origin) {
        try {
            URI uri = new URI(origin.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if (port < 0) {
                port = switch (scheme) {
                    case "https", "wss" -> 443;
                    default -> 80;
                };
            }
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String hostAndPortOf(String normalisedOrigin) {
        return normalisedOrigin.substring(normalisedOrigin.indexOf("://") + 3);
    }

    private static String withDefaultPort(String hostHeader, int defaultPort) {
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        int bracket = host.lastIndexOf(']');
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > bracket && (bracket >= 0 || host.indexOf(':') == colon);
        return hasPort ? host : host + ":" + defaultPort;
    }
}
