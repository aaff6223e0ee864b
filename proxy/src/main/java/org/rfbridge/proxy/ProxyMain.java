// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import io.netty.handler.ssl.SslContext;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.rfbridge.proxy.target.FixedTargetResolver;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.proxy.target.TargetResolver;
import org.rfbridge.proxy.target.TokenFileResolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code rfbridge-proxy} command line. Runs until SIGTERM or SIGINT. */
@Command(name = "rfbridge-proxy", mixinStandardHelpOptions = true, version = "rfbridge-proxy 0.1.0",
        sortOptions = false, usageHelpWidth = 100,
        description = {
            "Serves the rfbridge web viewer and relays WebSocket sessions to a VNC server.",
            "",
            "Give one target with --target (or websockify-style positional arguments), or a token file "
                + "with --token-file; the proxy connects nowhere else.",
        },
        footer = {
            "",
            "Examples:",
            "  rfbridge-proxy --target 127.0.0.1:5900",
            "  rfbridge-proxy 0.0.0.0:6080 vnc-host:5901         (websockify's argument order)",
            "  rfbridge-proxy --listen 0.0.0.0:443 --cert cert.pem --key key.pem --token-file tokens.cfg",
        })
public final class ProxyMain implements Callable<Integer> {
    /** How often a --cert and --key are checked for a renewal. */
    private static final Duration CERTIFICATE_POLL_INTERVAL = Duration.ofSeconds(10);

    @Parameters(index = "0", arity = "0..1", paramLabel = "LISTEN",
            description = "websockify-style [address:]port to listen on; same as --listen.")
    String positionalListen;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TARGET",
            description = "websockify-style host:port of the VNC server; same as --target.")
    String positionalTarget;

    @Option(names = "--listen", paramLabel = "[ADDRESS:]PORT",
            description = "Where to accept browsers (default: localhost:${DEFAULT-VALUE}; port 0: any free port).",
            defaultValue = "" + ProxyConfig.DEFAULT_PORT)
    String listen;

    @Option(names = "--target", paramLabel = "HOST:PORT",
            description = "The VNC server every session connects to.")
    String target;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "websockify token file ('token: host:port' per line, # comments) or a directory of "
                    + "them; the session's target comes from ?token= in the URL. Re-read when it changes.")
    Path tokenFile;

    @Mixin
    WebOptions web = new WebOptions();

    @Option(names = "--cert", paramLabel = "PEM",
            description = "TLS certificate chain (PEM): serves https and wss on the same port.")
    File cert;

    @Option(names = "--key", paramLabel = "PEM",
            description = "TLS private key (PEM, PKCS#8). Default: read from the --cert file.")
    File key;

    @Option(names = "--ssl-only", description = "With --cert, refuse plain http/ws connections.")
    boolean sslOnly;

    @Option(names = "--max-frame-bytes", paramLabel = "BYTES", defaultValue = "4194304",
            description = "Largest WebSocket frame payload accepted from a browser (default: ${DEFAULT-VALUE}); "
                    + "larger ones close the session with 1009.")
    int maxFramePayload;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "10000",
            description = "Most concurrent sessions (default: ${DEFAULT-VALUE}); more are refused with 503.")
    int maxSessions;

    @Option(names = "--max-pending-connections", paramLabel = "N", defaultValue = "1000",
            description = "Most connections open at once that are not sessions: page loads, upgrades in progress "
                    + "(default: ${DEFAULT-VALUE}); more are closed at once. Each must send a whole request "
                    + "within --handshake-timeout.")
    int maxPendingConnections;

    @Option(names = "--max-connections-per-second", paramLabel = "N", defaultValue = "100",
            description = "New connections a second allowed from one client address (default: "
                    + "${DEFAULT-VALUE}); more are refused with 429.")
    int maxConnectionsPerSecond;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for the VNC server to accept (default: ${DEFAULT-VALUE}).")
    double connectTimeoutSeconds;

    @Option(names = "--handshake-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long a connection may take to send its request and upgrade, and how long an "
                    + "idle HTTP keep-alive connection stays open (default: ${DEFAULT-VALUE}).")
    double handshakeTimeoutSeconds;

    @Option(names = "--ping-interval", paramLabel = "SECONDS", defaultValue = "30",
            description = "Ping a browser silent for this long; drop it after two unanswered pings; 0 "
                    + "disables (default: ${DEFAULT-VALUE}).")
    double pingIntervalSeconds;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "Close a session that relayed nothing either way for this long; 0 disables "
                    + "(default: ${DEFAULT-VALUE}).")
    double idleTimeoutSeconds;

    @Option(names = "--io-threads", paramLabel = "N", defaultValue = "0",
            description = "Event loop threads; 0 lets Netty choose (twice the cores).")
    int ioThreads;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line; returns the exit status. Blocks until the proxy is stopped. */
    public static int run(String... args) {
        return new CommandLine(new ProxyMain()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        ProxyConfig config;
        try {
            config = toConfig();
        } catch (IllegalArgumentException | IOException e) {
            PrintWriter err = new CommandLine(this).getErr();
            err.println("rfbridge-proxy: " + e.getMessage());
            return 2;
        }
        ProxyServer server;
        try {
            server = ProxyServer.start(config);
        } catch (IOException e) {
            config.targets().close();
            System.err.println("rfbridge-proxy: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            config.targets().close();
            stopped.countDown();
        }, "rfbridge-shutdown"));
        System.out.println("rfbridge proxy ready: open " + server.url()
                + (tokenFile != null ? "?token=TOKEN" : "") + " in a browser (WebSocket: "
                + server.webSocketUrl() + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }

    ProxyConfig toConfig() throws IOException {
        String listenText = positionalListen != null ? positionalListen : listen;
        String targetText = positionalTarget != null ? positionalTarget : target;
        if (positionalTarget != null && target != null) {
            throw new IllegalArgumentException("give the target once: positionally or with --target");
        }
        if ((targetText == null) == (tokenFile == null)) {
            throw new IllegalArgumentException("give exactly one of --target HOST:PORT and --token-file FILE");
        }
        TargetResolver targets = targetText != null ? new FixedTargetResolver(HostAndPort.parse(targetText))
                : new TokenFileResolver(tokenFile, Duration.ofSeconds(1));
        try {
            return web.applyTo(ProxyConfig.builder(targets).listen(ListenAddress.parse(listenText, "localhost")))
                    .sslContextSource(sslContext())
                    .sslOnly(sslOnly)
                    .maxFramePayload(maxFramePayload)
                    .maxSessions(maxSessions)
                    .maxPendingConnections(maxPendingConnections)
                    .maxConnectionsPerSecond(maxConnectionsPerSecond)
                    .connectTimeout(seconds(connectTimeoutSeconds))
                    .handshakeTimeout(seconds(handshakeTimeoutSeconds))
                    .pingInterval(seconds(pingIntervalSeconds))
                    .idleTimeout(seconds(idleTimeoutSeconds))
                    .ioThreads(ioThreads)
                    .build();
        } catch (RuntimeException e) {
            targets.close();
            throw e;
        }
    }

    /** The TLS context, re-read when the certificate or key changes (checked every 10 s); null without --cert. */
    private Supplier<SslContext> sslContext() {
        if (cert == null) {
            if (key != null || sslOnly) {
                throw new IllegalArgumentException("--key and --ssl-only need --cert");
            }
            return null;
        }
        try {
            return new ReloadingSslContext(cert, key != null ? key : cert, CERTIFICATE_POLL_INTERVAL);
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("cannot load TLS certificate/key: " + e.getMessage(), e);
        }
    }

    private static Duration seconds(double value) {
        if (value < 0 || Double.isNaN(value)) {
            throw new IllegalArgumentException("durations must not be negative: " + value);
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }
}
