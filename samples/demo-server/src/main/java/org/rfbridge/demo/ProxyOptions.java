// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo;

import java.net.InetSocketAddress;
import org.rfbridge.proxy.ListenAddress;
import org.rfbridge.proxy.ProxyConfig;
import org.rfbridge.proxy.WebOptions;
import org.rfbridge.proxy.target.TargetResolver;
import picocli.CommandLine.Mixin;
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

    @Mixin
    WebOptions web = new WebOptions();

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
        return web.applyTo(ProxyConfig.builder(targets).listen(listenAddress())).build();
    }
}
