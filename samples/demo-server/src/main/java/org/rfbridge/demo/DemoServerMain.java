// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.rfbridge.demo.auth.VncAuthenticator;
import org.rfbridge.proxy.ListenAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code rfbridge-demo-server} command line: the demo desktop as a plain VNC server. Runs until stopped. */
@Command(name = "rfbridge-demo-server", mixinStandardHelpOptions = true, version = "rfbridge-demo-server 0.1.0",
        sortOptions = false, usageHelpWidth = 100,
        description = {
            "Serves a small synthetic desktop over RFB (VNC) 3.3, 3.7 or 3.8: a clock, an echo of typed keys, "
                + "a log that scrolls with CopyRect, a clipboard panel and an area to draw on.",
        },
        footer = {
            "",
            "Examples:",
            "  rfbridge-demo-server                                  (127.0.0.1:5900, no password)",
            "  rfbridge-demo-server --listen 127.0.0.1:5901 --password-file pw.txt --size 800x600",
        })
public final class DemoServerMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoServerMain.class);

    @Option(names = "--listen", paramLabel = "[ADDRESS:]PORT", defaultValue = "127.0.0.1:5900",
            description = "Where VNC clients connect (default: ${DEFAULT-VALUE}; port 0: any free port).")
    String listen;

    @Mixin
    DesktopOptions desktopOptions;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status; blocks until the server is stopped. */
    public static int run(String... args) {
        return new CommandLine(new DemoServerMain()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        InetSocketAddress address;
        VncAuthenticator authenticator;
        try {
            address = ListenAddress.parse(listen, "127.0.0.1");
            authenticator = desktopOptions.authenticator();
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("rfbridge-demo-server: " + e.getMessage());
            return 2;
        }
        if (authenticator == null && !address.getAddress().isLoopbackAddress()) {
            LOG.warn("listening on {} without a password: anyone who can reach it can use the desktop", address);
        }
        DemoServer server;
        try {
            server = desktopOptions.start(address);
        } catch (IOException e) {
            System.err.println("rfbridge-demo-server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "rfbridge-demo-shutdown"));
        InetSocketAddress bound = server.localAddress();
        System.out.println("rfbridge demo desktop ready: VNC server on " + bound.getAddress().getHostAddress() + ":"
                + bound.getPort() + " (RFB " + desktopOptions.version.label() + ", "
                + (authenticator == null ? "no password" : "VNC password") + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
