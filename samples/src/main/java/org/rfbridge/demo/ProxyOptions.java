// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rfbridge.proxy.ProxyConfig;
import org.rfbridge.proxy.target.TargetResolver;
import picocli.CommandLine.Option;

/**
 * The proxy options {@link DemoLauncher} passes through, named as the proxy's own command line names them,
 * so what works with {@code rfbridge-proxy} works here too. The target is not among them (it is always the
 * demo desktop), nor TLS and the capacity limits: the demo is for trying rfbridge out, and a deployment
 * runs the proxy's own jar in front of real servers.
 */
final class ProxyOptions {

    @Option(names = "--listen", paramLabel = "[ADDRESS:]PORT", defaultValue = "localhost:" + ProxyConfig.DEFAULT_PORT,
            description = "Where the proxy accepts browsers (default: ${DEFAULT-VALUE}; port 0: any free port).")
    String listen;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = ProxyConfig.DEFAULT_WEBSOCKET_PATH,
            description = "WebSocket path (default: ${DEFAULT-VALUE}, as websockify and noVNC).")
    String webSocketPath;

    @Option(names = "--web", paramLabel = "DIR",
            description = "Serve this directory at / instead of the bundled web viewer (e.g. noVNC's files).")
    Path webRoot;

    @Option(names = "--allowed-origin", paramLabel = "ORIGIN",
            description = "An origin (scheme://host[:port]) whose pages may open sessions; repeatable; '*' "
                    + "allows any. Default: only pages from the proxy's own host.")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--require-origin",
            description = "Refuse requests without an Origin header (non-browser clients).")
    boolean requireOrigin;

    /** Where the proxy listens, parsed. */
    InetSocketAddress listenAddress() {
        return ListenAddress.parse(listen, "localhost");
    }

    /**
     * The proxy configuration in front of {@code targets}.
     *
     * @throws IllegalArgumentException for inconsistent options, with a message for the user
     */
    ProxyConfig toConfig(TargetResolver targets) {
        return ProxyConfig.builder(targets)
                .listen(listenAddress())
                .webSocketPath(webSocketPath)
                .webRoot(webRoot)
                .allowedOrigins(allowedOrigins)
                .requireOrigin(requireOrigin)
                .build();
    }
}
