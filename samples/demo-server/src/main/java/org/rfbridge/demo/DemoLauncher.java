// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.rfbridge.proxy.ProxyServer;
import org.rfbridge.proxy.target.FixedTargetResolver;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.proxy.target.TargetResolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The one-command demo: starts the demo desktop on a free loopback port, puts the rfbridge proxy in front
 * of it (in this process), and prints the URL to open in a browser. Runs until stopped; SIGTERM or Ctrl+C
 * stop the proxy, then the desktop.
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
            "  java -jar samples/demo-server/target/rfbridge-demo-all.jar",
            "  java -jar samples/demo-server/target/rfbridge-demo-all.jar --listen 127.0.0.1:8080 --password-file pw.txt",
            "  java -jar samples/demo-server/target/rfbridge-demo-all.jar --size 800x600 --rfb-version 3.3 --frozen",
        })
public final class DemoLauncher implements Callable<Integer> {

    /** The start of the line that tells the user (and tests) where to point a browser. */
    public static final String READY_PREFIX = "rfbridge demo ready: open ";

    @Mixin
    ProxyOptions proxyOptions;

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
        Running running;
        try {
            running = start(proxyOptions, desktopOptions);
        } catch (IllegalArgumentException e) {
            System.err.println("rfbridge-demo: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("rfbridge-demo: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "rfbridge-demo-shutdown"));
        printReady(System.out, running);
        stopped.await();
        return 0;
    }

    private void printReady(PrintStream out, Running running) {
        InetSocketAddress vnc = running.desktop().localAddress();
        out.println();
        out.println(READY_PREFIX + running.proxy().url() + " in a browser");
        out.println("  demo desktop " + running.desktop().width() + "x" + running.desktop().height() + ", RFB "
                + desktopOptions.version.label() + ", " + (desktopOptions.passwordFile == null ? "no password"
                : "VNC password from " + desktopOptions.passwordFile) + "; VNC viewers: "
                + vnc.getAddress().getHostAddress() + "::" + vnc.getPort() + "; WebSocket: "
                + running.proxy().webSocketUrl() + "; stop with Ctrl+C");
        out.println();
        out.flush();
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

    /**
     * Starts the desktop on an ephemeral loopback port, then the proxy in front of it.
     *
     * @throws IllegalArgumentException for options that do not fit together (a message for the user)
     * @throws IOException              if an address cannot be bound or a file cannot be read
     */
    static Running start(ProxyOptions proxy, DesktopOptions desktop) throws IOException {
        proxy.listenAddress(); // fail on a bad address before anything is started
        DemoServer server = desktop.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        InetSocketAddress vnc = server.localAddress();
        TargetResolver targets = new FixedTargetResolver(
                new HostAndPort(vnc.getAddress().getHostAddress(), vnc.getPort()));
        try {
            ProxyServer proxyServer = ProxyServer.start(proxy.toConfig(targets));
            return new Running(server, proxyServer, targets);
        } catch (IOException | RuntimeException e) {
            targets.close();
            server.close();
            throw e;
        }
    }
}
