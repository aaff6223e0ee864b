// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One running way to reach the backend: a relay process listening on loopback, or (for the "direct"
 * baseline) the backend itself. Closing it stops the process and everything it forked, by PID.
 */
final class Relay implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 30_000;
    private static final Pattern READY = Pattern.compile("ready: open https?://[^:/]+:(\\d+)/");

    private final int port;
    private final Process process;
    private final StartedProcesses processes;
    private final String commandLine;

    private Relay(int port, Process process, StartedProcesses processes, String commandLine) {
        this.port = port;
        this.process = process;
        this.processes = processes;
        this.commandLine = commandLine;
    }

    /** No relay: the load client talks to the backend. */
    static Relay direct(int backendPort) {
        return new Relay(backendPort, null, null, "(none: straight to the backend)");
    }

    /**
     * socat forking a child per connection, as a plain TCP relay is usually run; {@code options} go before
     * the addresses (e.g. {@code -b65536} for a larger transfer block than socat's 8 KiB).
     */
    static Relay socat(StartedProcesses processes, List<String> options, int backendPort, Path log)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add("socat");
        command.addAll(options);
        command.add("TCP-LISTEN:" + port + ",fork,reuseaddr,bind=127.0.0.1");
        command.add("TCP:127.0.0.1:" + backendPort);
        return startListening(processes, command, port, log);
    }

    /** websockify (the Debian package) relaying WebSocket to TCP. */
    static Relay websockify(StartedProcesses processes, int backendPort, Path log) throws IOException {
        int port = freePort();
        List<String> command = List.of("websockify", "127.0.0.1:" + port, "127.0.0.1:" + backendPort);
        return startListening(processes, command, port, log);
    }

    /**
     * The rfbridge proxy jar in a JVM of its own, with the session caps raised so the benchmark measures
     * the relay rather than the abuse limits; it reports its port on standard output.
     */
    static Relay rfbridge(StartedProcesses processes, Path jar, List<String> jvmOptions, List<String> proxyOptions,
                          int backendPort, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(),
                "--listen", "127.0.0.1:" + port,
                "--target", "127.0.0.1:" + backendPort,
                "--max-sessions", "10000",
                "--max-connections-per-second", "1000000"));
        command.addAll(proxyOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(false)
                .redirectError(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = processes.start(builder);
        Relay relay = new Relay(port, process, processes, String.join(" ", command));
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        ready.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                // The process went away; the wait below reports it.
            }
            ready.completeExceptionally(new IOException("rfbridge proxy exited before it was ready; see " + log));
        }, "bench-proxy-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            int reported = ready.get(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            if (reported != port) {
                throw new IOException("proxy reported port " + reported + ", asked for " + port);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            relay.close();
            throw new IOException("rfbridge proxy did not start: " + e, e);
        }
        return relay;
    }

    private static Relay startListening(StartedProcesses processes, List<String> command, int port, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = processes.start(builder);
        Relay relay = new Relay(port, process, processes, String.join(" ", command));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (true) {
            // A probe connection costs a forking relay one short-lived child, which exits when we close.
            try (SocketChannel probe = SocketChannel.open(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                return relay;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    relay.close();
                    throw new IOException(command.get(0) + " did not start listening on " + port + "; see " + log
                            + (Files.exists(log) ? ": " + Files.readString(log).strip() : ""), e);
                }
                sleep(50);
            }
        }
    }

    int port() {
        return port;
    }

    String commandLine() {
        return commandLine;
    }

    /** Memory of the relay's process tree; null for the direct baseline, which has no relay. */
    ProcessMemory memory() {
        return process == null ? null : ProcessMemory.ofTree(process.toHandle());
    }

    /** CPU seconds the relay's process tree has used so far; NaN for the direct baseline. */
    double cpuSeconds() {
        return process == null ? Double.NaN : ProcessCpu.seconds(process.toHandle());
    }

    @Override
    public void close() {
        if (process != null) {
            processes.stop(process);
        }
    }

    /** A loopback port nothing listens on right now (free again by the time the relay binds it, in practice). */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return probe.getLocalPort();
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
