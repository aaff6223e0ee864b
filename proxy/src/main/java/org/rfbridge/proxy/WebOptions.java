// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that decide what browsers see — where the WebSocket lives, which files are served, which
 * pages may connect — shared as a picocli mixin by every command line that starts a proxy, so the demo
 * launcher and the proxy itself spell and document them the same way.
 */
public final class WebOptions {

    @Option(names = "--web", paramLabel = "DIR",
            description = "Serve static files from DIR instead of the bundled viewer (e.g. noVNC's files).")
    Path webRoot;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = ProxyConfig.DEFAULT_WEBSOCKET_PATH,
            description = "The WebSocket path (default: ${DEFAULT-VALUE}, as noVNC expects).")
    String webSocketPath;

    @Option(names = "--allowed-origin", paramLabel = "ORIGIN",
            description = "An origin (scheme://host[:port]) whose pages may open sessions; repeatable; '*' "
                    + "allows any. Default: only pages from the proxy's own host.")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--allowed-host", paramLabel = "NAME",
            description = "A host name that reaches this proxy (as in the browser's address bar), besides its "
                    + "addresses, localhost and the machine's own names; repeatable. Without --allowed-origin, "
                    + "pages from other names are refused, which stops DNS rebinding.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--require-origin",
            description = "Refuse requests without an Origin header (non-browser clients).")
    boolean requireOrigin;

    /** Sets these options on {@code builder} and returns it. */
    public ProxyConfig.Builder applyTo(ProxyConfig.Builder builder) {
        return builder.webSocketPath(webSocketPath)
                .webRoot(webRoot)
                .allowedOrigins(allowedOrigins)
                .allowedHosts(allowedHosts)
                .requireOrigin(requireOrigin);
    }
}
