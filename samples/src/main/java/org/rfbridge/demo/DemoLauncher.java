// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.rfbridge.demo.auth.VncAuthenticator;
import org.rfbridge.demo.server.ServerOptions;
import org.rfbridge.proxy.ProxyConfig;
import org.rfbridge.proxy.ProxyServer;
import org.rfbridge.proxy.target.FixedTargetResolver;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.proxy.target.TargetResolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The one-command demo: starts the demo desktop on a free loopback port, puts the rfbridge proxy in front
 * of it, and prints the URL to open in a browser. Runs until stopped.
 */
@Command(name = "rfbridge-demo", mixinStandardHelpOptions = true, version = "rfbridge-demo 0.1.0",
        sortOptions = false, usageHelpWidth = 100,
        description = {
            "Starts the rfbridge demo desktop and the rfbridge proxy in front of it, then prints the URL to open.",
            "The desktop's VNC port is on loopback only and chosen freely; browsers reach it through the proxy.",
        },
        footer = {
            "",
            "Examples:",
            "  java -jar rfbridge-demo-all.jar",
            "  java -jar rfbridge-demo-all.jar --listen 127.0.0.1:8080 --password-file pw.txt",
        })
public final class DemoLauncher implements Callable<Integer> {

    @Option(names = "--listen", paramLabel = "[ADDRESS:]PORT", defaultValue = "localhost:" + ProxyConfig.DEFAULT_PORT,
            description = "Where the proxy accepts browsers (default: ${DEFAULT-VALUE}).")
    String listen;

    @Mixin
    DesktopOptions desktopOptions;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status; blocks until stopped. */
    public static int run(String... args) {
        return new CommandLine(new DemoLauncher()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        InetSocketAddress proxyAddress;
        VncAuthenticator authenticator;
        try {
            HostAndPort hostAndPort = HostAndPort.parse(listen, "localhost");
            proxyAddress = new InetSocketAddress(hostAndPort.host(), hostAndPort.port());
            authenticator = desktopOptions.authenticator();
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("rfbridge-demo: " + e.getMessage());
            return 2;
        }
        Running running;
        try {
            running = start(proxyAddress, desktopOptions, authenticator);
        } catch (IOException e) {
            System.err.println("rfbridge-demo: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "rfbridge-demo-shutdown"));
        System.out.println("rfbridge demo ready: open " + running.proxy().url() + " in a browser"
                + " (WebSocket " + running.proxy().webSocketUrl() + ", VNC on "
                + running.desktop().localAddress().getAddress().getHostAddress() + ":"
                + running.desktop().localAddress().getPort() + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** The demo desktop and the proxy in front of it; closing stops both, proxy first. */
    record Running(DemoServer desktop, ProxyServer proxy, TargetResolver targets) implements AutoCloseable {
        @Override
        public void close() {
            proxy.close();
            targets.close();
            desktop.close();
        }
    }

    /** Starts the desktop on an ephemeral loopback port, then the proxy on {@code proxyAddress} in front of it. */
    static Running start(InetSocketAddress proxyAddress, DesktopOptions options, VncAuthenticator authenticator)
            throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        ServerOptions serverOptions = ServerOptions.defaults(loopback)
                .withVersion(options.version)
                .withAuthenticator(authenticator);
        DemoServer desktop = DemoServer.start(serverOptions, options.width(), options.height());
        InetSocketAddress vnc = desktop.localAddress();
        TargetResolver targets = new FixedTargetResolver(
                new HostAndPort(vnc.getAddress().getHostAddress(), vnc.getPort()));
        try {
            ProxyServer proxy = ProxyServer.start(ProxyConfig.builder(targets).listen(proxyAddress).build());
            return new Running(desktop, proxy, targets);
        } catch (IOException | RuntimeException e) {
            targets.close();
            desktop.close();
            throw e;
        }
    }
}
