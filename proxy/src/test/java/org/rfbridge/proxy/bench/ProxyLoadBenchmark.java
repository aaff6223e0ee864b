// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rfbridge.proxy.bench.ResultTable.Better;
import org.rfbridge.proxy.bench.ResultTable.Goal;

/**
 * The load benchmark: direct TCP to the backend (the limit), socat (a plain TCP relay, with its default
 * 8 KiB block and with a 64 KiB one), websockify and the rfbridge proxy, measured one after another in one
 * run against the same backend process, then printed side by side as a Markdown table with every figure's
 * ratio to each baseline. Run it with {@code bash proxy/bench/run.sh}, which builds the jar and the
 * classpath this needs.
 *
 * <p>Arguments are {@code --name=value}: {@code --jar}, {@code --pidfile}, {@code --logs}, {@code --only}
 * (comma-separated targets), {@code --phases} ({@code stream}, {@code idle} or both, comma-separated; one
 * alone is for profiling a relay), {@code --warm-up-seconds}, {@code --reps}, {@code --single-mib},
 * {@code --sessions}, {@code --multi-mib} (per session), {@code --round-trips}, {@code --idle},
 * {@code --idle-socat}, {@code --idle-websockify}, {@code --proxy-jvm}, {@code --proxy-args} and
 * {@code --socat-args} (space-separated extra options for the proxy's JVM, the proxy's command line and
 * the default socat's command line). Every loop is bounded in count and in time; every process it starts
 * is stopped by PID.
 */
public final class ProxyLoadBenchmark {

    static final String DIRECT = "direct";
    static final String SOCAT = "socat";
    /** socat with a 64 KiB transfer block instead of its default 8 KiB: the stronger plain relay. */
    static final String SOCAT_64K = "socat-64k";
    static final String WEBSOCKIFY = "websockify";
    static final String RFBRIDGE = "rfbridge";

    private static final long MIB = 1 << 20;
    private static final Duration TRANSFER_LIMIT = Duration.ofSeconds(60);
    private static final Duration ROUND_TRIP_LIMIT = Duration.ofSeconds(60);
    private static final Duration IDLE_OPEN_LIMIT = Duration.ofSeconds(120);
    private static final int ROUND_TRIP_WARM_UP = 5_000;
    private static final int ROUND_TRIP_BLOCKS = 20;
    private static final int WARM_UP_ROUNDS = 50;
    private static final long REAP_MILLIS = 500;

    private static final String DOWN_1 = "downstream, 1 session (MB/s)";
    private static final String DOWN_N = "downstream, %d sessions (MB/s)";
    private static final String UP_1 = "upstream, 1 session (MB/s)";
    private static final String UP_N = "upstream, %d sessions (MB/s)";
    private static final String CPU = "relay CPU per GB relayed (s)";
    private static final String RT_50 = "round trip p50 (µs)";
    private static final String RT_99 = "round trip p99 (µs)";
    private static final String RT_999 = "round trip p99.9 (µs)";
    private static final String IDLE_TRIED = "idle sessions tried";
    private static final String IDLE_HELD = "idle sessions held";
    private static final String SETUP_50 = "session set-up p50 (µs)";
    private static final String SETUP_99 = "session set-up p99 (µs)";
    private static final String RSS = "memory per session, RSS (KiB)";
    private static final String PSS = "memory per session, PSS (KiB)";

    private final Map<String, String> options;
    private final PrintStream out = System.out;
    private final int reps;
    private final int sessions;
    private final long singleBytes;
    private final long multiBytes;
    private final int roundTrips;
    private final double warmUpSeconds;
    private final Path logs;
    private final String downN;
    private final String upN;

    private ProxyLoadBenchmark(Map<String, String> options) {
        this.options = options;
        this.reps = intOption("reps", 7);
        this.sessions = intOption("sessions", 16);
        this.singleBytes = intOption("single-mib", 256) * MIB;
        this.multiBytes = intOption("multi-mib", 32) * MIB;
        this.roundTrips = intOption("round-trips", 20_000);
        this.warmUpSeconds = intOption("warm-up-seconds", 10);
        this.logs = Path.of(options.getOrDefault("logs", "proxy/target/bench"));
        this.downN = String.format(Locale.ROOT, DOWN_N, sessions);
        this.upN = String.format(Locale.ROOT, UP_N, sessions);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            Matcher matcher = Pattern.compile("--([a-z0-9-]+)=(.*)", Pattern.DOTALL).matcher(arg);
            if (!matcher.matches()) {
                System.err.println("usage: ProxyLoadBenchmark [--name=value]...; got '" + arg + "'");
                System.exit(2);
            }
            options.put(matcher.group(1), matcher.group(2));
        }
        System.exit(new ProxyLoadBenchmark(options).run());
    }

    private int run() throws Exception {
        Files.createDirectories(logs);
        Path pidFile = options.containsKey("pidfile") ? Path.of(options.get("pidfile")) : null;
        List<String> columns = List.of(DIRECT, SOCAT, SOCAT_64K, WEBSOCKIFY, RFBRIDGE);
        Set<String> phases = Set.of(options.getOrDefault("phases", "stream,idle").split(","));
        Set<String> only = options.containsKey("only") ? Set.of(options.get("only").split(",")) : Set.copyOf(columns);
        ResultTable table = declareFigures(columns);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "bench-session");
            thread.setDaemon(true);
            return thread;
        });
        try (StartedProcesses processes = new StartedProcesses(pidFile); Watchdog watchdog = new Watchdog()) {
            int backendPort = startBackend(processes);
            out.printf("backend: BenchBackend in its own JVM on 127.0.0.1:%d%n", backendPort);
            Map<String, Target> targets = targets(processes);
            // Each relay stays up after its throughput runs, warm, for the round trips at the end.
            Map<Target, Relay> warm = new LinkedHashMap<>();
            for (String name : columns) {
                if (!only.contains(name)) {
                    continue;
                }
                Target target = targets.get(name);
                if (target == null) {
                    out.printf("%n## %s: SKIPPED (not installed: apt-get install %s)%n", name,
                            name.equals(SOCAT_64K) ? SOCAT : name);
                    continue;
                }
                if (phases.contains("stream")) {
                    Relay relay = measureStreaming(target, backendPort, watchdog, pool, table);
                    if (relay != null) {
                        warm.put(target, relay);
                    }
                }
                if (phases.contains("idle") && target.idleSessions() > 0) {
                    measureIdle(target, backendPort, watchdog, table);
                }
            }
            try {
                measureRoundTrips(warm, watchdog, table);
            } finally {
                warm.values().forEach(Relay::close);
            }
        } finally {
            pool.shutdownNow();
        }
        out.printf("%nwhole run: %.0f s%n%n", (System.nanoTime() - started) / 1e9);
        out.print(table.toMarkdown());
        List<String> missed = table.missedGoals();
        out.println();
        out.println(missed.isEmpty() ? "Every target met." : "Targets missed: " + String.join("; ", missed));
        return 0;
    }

    private ResultTable declareFigures(List<String> columns) {
        ResultTable table = new ResultTable(columns, RFBRIDGE);
        Set<String> none = Set.of();
        Goal atLeastSocat = Goal.relative("≥ socat", SOCAT);
        Goal atMostSocat = Goal.relative("≤ socat", SOCAT);
        table.figure(DOWN_1, "%,.0f", Better.HIGHER, atLeastSocat, none);
        table.figure(downN, "%,.0f", Better.HIGHER, atLeastSocat, none);
        table.figure(UP_1, "%,.0f", Better.HIGHER, atLeastSocat, none);
        table.figure(upN, "%,.0f", Better.HIGHER, atLeastSocat, none);
        table.figure(CPU, "%,.2f", Better.LOWER, null, none);
        table.figure(RT_50, "%,.1f", Better.LOWER, atMostSocat, none);
        table.figure(RT_99, "%,.1f", Better.LOWER, atMostSocat, none);
        table.figure(RT_999, "%,.1f", Better.LOWER, null, none);
        table.figure(IDLE_TRIED, "%,.0f", Better.HIGHER, null, Set.of(SOCAT, SOCAT_64K, WEBSOCKIFY));
        // socat and websockify fork a process per session, so they are only asked for a few hundred.
        table.figure(IDLE_HELD, "%,.0f", Better.HIGHER, Goal.absolute("≥ 9,900", 9_900),
                Set.of(SOCAT, SOCAT_64K, WEBSOCKIFY));
        table.figure(SETUP_50, "%,.0f", Better.LOWER, null, none);
        table.figure(SETUP_99, "%,.0f", Better.LOWER, null, none);
        table.figure(RSS, "%,.1f", Better.LOWER, Goal.absolute("≤ 14 KiB", 14), none);
        table.figure(PSS, "%,.1f", Better.LOWER, null, none);
        return table;
    }

    private Map<String, Target> targets(StartedProcesses processes) {
        Path jar = Path.of(options.getOrDefault("jar", "proxy/target/rfbridge-proxy.jar"));
        List<String> proxyJvm = split(options.getOrDefault("proxy-jvm", ""));
        List<String> proxyArgs = split(options.getOrDefault("proxy-args", ""));
        List<String> socatArgs = split(options.getOrDefault("socat-args", ""));
        int idle = intOption("idle", 9_900);
        Map<String, Target> targets = new LinkedHashMap<>();
        targets.put(DIRECT, new Target(DIRECT, false, idle, (port, log) -> Relay.direct(port)));
        if (onPath("socat")) {
            targets.put(SOCAT, new Target(SOCAT, false, intOption("idle-socat", 1_000),
                    (port, log) -> Relay.socat(processes, socatArgs, port, logs.resolve(log + ".log"))));
            // Idle sessions cost socat the same whatever its block size, so this column only streams.
            targets.put(SOCAT_64K, new Target(SOCAT_64K, false, 0,
                    (port, log) -> Relay.socat(processes, List.of("-b65536"), port, logs.resolve(log + ".log"))));
        }
        if (onPath("websockify")) {
            targets.put(WEBSOCKIFY, new Target(WEBSOCKIFY, true, intOption("idle-websockify", 500),
                    (port, log) -> Relay.websockify(processes, port, logs.resolve(log + ".log"))));
        }
        targets.put(RFBRIDGE, new Target(RFBRIDGE, true, idle,
                (port, log) -> Relay.rfbridge(processes, jar, proxyJvm, proxyArgs, port, logs.resolve(log + ".log"))));
        return targets;
    }

    /**
     * Throughput both ways with 1 and N sessions on one fresh relay. Returns that relay, warm, still
     * running, for the round trips (the caller closes it), or null if it failed.
     */
    private Relay measureStreaming(Target target, int backendPort, Watchdog watchdog, ExecutorService pool,
                                   ResultTable table) throws InterruptedException {
        out.printf("%n## %s: throughput%n", target.name());
        Relay relay = null;
        try {
            relay = target.launcher().start(backendPort, target.name() + "-stream");
            out.println("  relay: " + relay.commandLine());
            reportTransport(target);
            warmUp(target, relay, watchdog, pool);
            Map<String, double[]> runs = new LinkedHashMap<>();
            runs.put(DOWN_1, new double[reps]);
            runs.put(downN, new double[reps]);
            runs.put(UP_1, new double[reps]);
            runs.put(upN, new double[reps]);
            double cpuBefore = relay.cpuSeconds();
            // Interleaved, so a slow spell on the shared machine hits every figure rather than one.
            for (int rep = 0; rep < reps; rep++) {
                runs.get(DOWN_1)[rep] = Throughput.run(target, relay, watchdog, pool, true, 1, singleBytes,
                        TRANSFER_LIMIT);
                runs.get(downN)[rep] = Throughput.run(target, relay, watchdog, pool, true, sessions, multiBytes,
                        TRANSFER_LIMIT);
                runs.get(UP_1)[rep] = Throughput.run(target, relay, watchdog, pool, false, 1, singleBytes,
                        TRANSFER_LIMIT);
                runs.get(upN)[rep] = Throughput.run(target, relay, watchdog, pool, false, sessions, multiBytes,
                        TRANSFER_LIMIT);
            }
            // Lets a forking relay's last per-connection processes exit and be reaped into its CPU total.
            Thread.sleep(REAP_MILLIS);
            double bytes = reps * 2.0 * (singleBytes + sessions * (double) multiBytes);
            double cpuPerGb = (relay.cpuSeconds() - cpuBefore) / (bytes / 1e9);
            table.put(CPU, target.name(), cpuPerGb);
            for (Map.Entry<String, double[]> figure : runs.entrySet()) {
                double median = median(figure.getValue());
                table.put(figure.getKey(), target.name(), median);
                out.printf("  %-32s median %,8.0f   runs %s%n", figure.getKey(), median, formatRuns(figure.getValue()));
            }
            if (!Double.isNaN(cpuPerGb)) {
                out.printf("  relay CPU: %.2f s per GB relayed (timed runs only)%n", cpuPerGb);
            }
            return relay;
        } catch (IOException e) {
            out.println("  FAILED: " + e.getMessage());
            if (relay != null) {
                relay.close();
            }
            return null;
        }
    }

    /**
     * Round trips through every target at once, in interleaved blocks (see {@link RoundTrips}), each through
     * the relay its throughput runs warmed up (a JVM relay's small-message path is compiled by then).
     */
    private void measureRoundTrips(Map<Target, Relay> warm, Watchdog watchdog, ResultTable table) {
        if (warm.isEmpty()) {
            return;
        }
        int blocks = Math.max(1, Math.min(ROUND_TRIP_BLOCKS, roundTrips));
        int perBlock = (roundTrips + blocks - 1) / blocks;
        out.printf("%n## round trips of %d bytes: %,d per target after %,d warm-up, in %d interleaved blocks%n",
                RoundTrips.MESSAGE_BYTES, roundTrips, ROUND_TRIP_WARM_UP, blocks);
        List<RoundTrips> sessions = new ArrayList<>();
        try {
            for (Map.Entry<Target, Relay> entry : warm.entrySet()) {
                try {
                    sessions.add(RoundTrips.open(entry.getKey(), entry.getValue(), watchdog, ROUND_TRIP_WARM_UP,
                            roundTrips, ROUND_TRIP_LIMIT));
                } catch (IOException e) {
                    out.println("  FAILED: " + e.getMessage());
                }
            }
            List<RoundTrips> failed = new ArrayList<>();
            for (int block = 0; block < blocks; block++) {
                for (RoundTrips trips : sessions) {
                    if (failed.contains(trips)) {
                        continue;
                    }
                    try {
                        trips.block(perBlock);
                    } catch (IOException e) {
                        out.println("  FAILED: " + e.getMessage());
                        failed.add(trips);
                    }
                }
            }
            for (RoundTrips trips : sessions) {
                if (failed.contains(trips)) {
                    continue;
                }
                RoundTrips.Latency latency = trips.latency();
                table.put(RT_50, trips.targetName(), latency.p50());
                table.put(RT_99, trips.targetName(), latency.p99());
                table.put(RT_999, trips.targetName(), latency.p999());
                out.printf("  %-11s %,d timed: p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, mean %.1f µs%n",
                        trips.targetName(), latency.count(), latency.p50(), latency.p99(), latency.p999(),
                        latency.mean());
            }
        } finally {
            sessions.forEach(RoundTrips::close);
        }
    }

    /**
     * Moves bytes every way the timed runs will, for {@link #warmUpSeconds} (at most {@value #WARM_UP_ROUNDS}
     * rounds), so the JIT has compiled the relay path (ours runs on a JVM; on two shared cores C2 needs
     * several seconds of load) before anything is timed. Every target gets the same, so the comparison
     * stays fair to the ones that need none.
     */
    private void warmUp(Target target, Relay relay, Watchdog watchdog, ExecutorService pool)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        int rounds = 0;
        while (rounds < WARM_UP_ROUNDS && (rounds == 0 || System.nanoTime() < deadline)) {
            Throughput.run(target, relay, watchdog, pool, true, 1, 64 * MIB, TRANSFER_LIMIT);
            Throughput.run(target, relay, watchdog, pool, false, 1, 64 * MIB, TRANSFER_LIMIT);
            Throughput.run(target, relay, watchdog, pool, true, sessions, 4 * MIB, TRANSFER_LIMIT);
            Throughput.run(target, relay, watchdog, pool, false, sessions, 4 * MIB, TRANSFER_LIMIT);
            rounds++;
        }
        out.printf("  warm-up: %d round(s) of 64 MiB each way and %d × 4 MiB each way%n", rounds, sessions);
    }

    /** Idle sessions on a fresh relay, so its memory baseline is not the throughput runs' leftovers. */
    private void measureIdle(Target target, int backendPort, Watchdog watchdog, ResultTable table)
            throws InterruptedException {
        out.printf("%n## %s: idle sessions (up to %,d)%n", target.name(), target.idleSessions());
        try (Relay relay = target.launcher().start(backendPort, target.name() + "-idle")) {
            IdleSessions.Outcome outcome = IdleSessions.measure(target, relay, watchdog, target.idleSessions(),
                    IDLE_OPEN_LIMIT, out);
            table.put(IDLE_TRIED, target.name(), outcome.attempted());
            table.put(IDLE_HELD, target.name(), outcome.held());
            table.put(SETUP_50, target.name(), outcome.setupP50Micros());
            table.put(SETUP_99, target.name(), outcome.setupP99Micros());
            table.put(RSS, target.name(), outcome.rssKibPerSession());
            table.put(PSS, target.name(), outcome.pssKibPerSession());
            out.printf("  opened %,d of %,d in %.1f s (set-up p50 %.0f µs, p99 %.0f µs); %,d still relayed a byte "
                            + "both ways after %d s%s%n", outcome.opened(), outcome.attempted(), outcome.openSeconds(),
                    outcome.setupP50Micros(), outcome.setupP99Micros(), outcome.held(), IdleSessions.HOLD.toSeconds(),
                    outcome.stop() == null ? "" : "; stopped early: " + outcome.stop());
            if (outcome.before() != null) {
                out.printf("  relay memory: before %,d KiB RSS / %,d KiB PSS in %d process(es); with the sessions "
                                + "%,d KiB RSS / %,d KiB PSS in %d process(es): %.1f KiB RSS, %.1f KiB PSS per session%n",
                        outcome.before().rssKib(), outcome.before().pssKib(), outcome.before().processes(),
                        outcome.after().rssKib(), outcome.after().pssKib(), outcome.after().processes(),
                        outcome.rssKibPerSession(), outcome.pssKibPerSession());
            }
        } catch (IOException e) {
            out.println("  FAILED: " + e.getMessage());
        }
    }

    private void reportTransport(Target target) throws IOException {
        if (!target.name().equals(RFBRIDGE)) {
            return;
        }
        Path log = logs.resolve(target.name() + "-stream.log");
        Pattern listening = Pattern.compile("listening on \\S+ \\((\\w+)\\)");
        for (String line : Files.readAllLines(log)) {
            Matcher matcher = listening.matcher(line);
            if (matcher.find()) {
                out.println("  transport: " + matcher.group(1));
                return;
            }
        }
    }

    /** Starts the backend JVM from this JVM's classpath and returns the port it reports. */
    private int startBackend(StartedProcesses processes) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Relay.javaBinary(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), BenchBackend.class.getName())
                .redirectError(logs.resolve("backend.log").toFile());
        Process backend = processes.start(builder);
        BufferedReader lines = new BufferedReader(new InputStreamReader(backend.getInputStream(),
                StandardCharsets.US_ASCII));
        // readLine is bounded by the backend: it prints its port first or exits (end of stream).
        String line = lines.readLine();
        if (line == null || !line.startsWith("BENCH-BACKEND-PORT ")) {
            throw new IOException("backend did not start: " + line + "; see " + logs.resolve("backend.log"));
        }
        // The backend's standard input stays open, and ends when this JVM does, whatever way it ends.
        return Integer.parseInt(line.substring("BENCH-BACKEND-PORT ".length()).trim());
    }

    private int intOption(String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " wants a whole number, got '" + value + "'");
        }
    }

    private static List<String> split(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String formatRuns(double[] values) {
        List<String> parts = new ArrayList<>();
        for (double value : values) {
            parts.add(String.format(Locale.ROOT, "%,.0f", value));
        }
        return String.join(" ", parts);
    }
}
