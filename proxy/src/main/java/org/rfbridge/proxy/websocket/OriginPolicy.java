// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.websocket;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether a browser page from a given {@code Origin} may open a session. Browsers send
 * {@code Origin} on every WebSocket upgrade and a page cannot forge it, so checking it stops other sites'
 * pages from reaching the VNC server through a user's browser (cross-site WebSocket hijacking).
 *
 * <p>With no configured origins, only pages served by this same host and port are allowed: the viewer the
 * proxy serves itself. Comparing {@code Origin} with {@code Host} alone is not enough there: after a DNS
 * rebinding attack, the attacker's name points at this proxy and the attacker's page sends both headers.
 * So the host must also be one of the proxy's own names: an IP address (a page cannot rebind an address),
 * {@code localhost} and its subdomains, or a name given at start-up (the machine's names, the operator's
 * {@code --allowed-host}s).
 */
public final class OriginPolicy {
    // scheme "://" host [":" port], as browsers serialise an origin; host names may hold '_' (which
    // java.net.URI refuses), bracketed IPv6 literals are kept whole.
    private static final Pattern ORIGIN = Pattern.compile(
            "([a-zA-Z][a-zA-Z0-9+.-]*)://(\\[[0-9a-fA-F:.]+\\]|[^\\s/?#@:\\[\\]]+)(?::([0-9]{1,5}))?/?");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final Set<String> allowed;
    private final boolean allowAny;
    private final boolean requireOrigin;
    private final Set<String> ownNames;

    /**
     * @param allowedOrigins origins such as {@code https://example.org:8443}; {@code *} allows any; empty
     *     allows only the request's own host
     * @param requireOrigin refuse requests with no {@code Origin} header
     * @param ownNames host names (without port) that reach this proxy, besides IP addresses and
     *     {@code localhost}; used only with no configured origins
     * @throws IllegalArgumentException if an allowed origin is not an origin
     */
    public OriginPolicy(List<String> allowedOrigins, boolean requireOrigin, Collection<String> ownNames) {
        this.allowAny = allowedOrigins.contains("*");
        this.allowed = allowedOrigins.stream()
                .filter(origin -> !origin.equals("*"))
                .map(OriginPolicy::requireOrigin)
                .collect(Collectors.toUnmodifiableSet());
        this.requireOrigin = requireOrigin;
        this.ownNames = ownNames.stream().map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Checks an origin given in the configuration.
     *
     * @return it normalised
     * @throws IllegalArgumentException if it is not {@code *} or an origin, saying how to write one
     */
    public static String requireOrigin(String origin) {
        String normalised = normalise(origin);
        if (normalised == null) {
            throw new IllegalArgumentException("allowed origin '" + origin + "' is not an origin: write it as "
                    + "scheme://host[:port], for example https://example.org or http://10.0.0.5:8080");
        }
        return normalised;
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
        if (host == null || !hostAndPortOf(normalised).equals(withDefaultPort(host, tls ? 443 : 80))) {
            return "origin '" + origin + "' does not match host '" + host + "'";
        }
        String name = hostNameOf(hostAndPortOf(normalised));
        if (!isOwnName(name)) {
            return "host '" + name + "' is not one of this proxy's names (add it with --allowed-host)";
        }
        return null;
    }

    private boolean isOwnName(String name) {
        return name.startsWith("[") || IPV4.matcher(name).matches() || name.equals("localhost")
                || name.endsWith(".localhost") || ownNames.contains(name);
    }

    /** {@code scheme://host:port} with every part explicit and lower case, or null if it is no origin. */
    static String normalise(String origin) {
        Matcher m = ORIGIN.matcher(origin.trim());
        if (!m.matches()) {
            return null;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        int port;
        if (m.group(3) != null) {
            port = Integer.parseInt(m.group(3));
            if (port < 1 || port > 65535) {
                return null;
            }
        } else {
            port = switch (scheme) {
                case "https", "wss" -> 443;
                default -> 80;
            };
        }
        return scheme + "://" + m.group(2).toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static String hostAndPortOf(String normalisedOrigin) {
        return normalisedOrigin.substring(normalisedOrigin.indexOf("://") + 3);
    }

    private static String hostNameOf(String hostAndPort) {
        return hostAndPort.substring(0, hostAndPort.lastIndexOf(':'));
    }

    private static String withDefaultPort(String hostHeader, int defaultPort) {
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        int bracket = host.lastIndexOf(']');
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > bracket && (bracket >= 0 || host.indexOf(':') == colon);
        return hasPort ? host : host + ":" + defaultPort;
    }
}
