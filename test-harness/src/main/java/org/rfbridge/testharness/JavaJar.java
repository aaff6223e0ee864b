// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A packaged jar run the way a user runs it, {@code java -jar JAR ARGS}, with the JVM that runs the test (so the
 * jar meets the Java version the build was made for).
 */
public final class JavaJar {
    private final Path jar;

    public JavaJar(Path jar) {
        this.jar = jar;
    }

    public Path path() {
        return jar;
    }

    /** The command line, for {@link Commands} or {@link ManagedProcess}. */
    public List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts it as a server, output and errors to {@code log}; closing the result stops it by PID. */
    public ManagedProcess start(Path log, String... args) throws IOException {
        return ManagedProcess.start(command(args), log);
    }

    /**
     * Runs it to its end, output and errors together in {@code log} as a terminal shows them.
     *
     * @throws IllegalStateException if it is still running after {@code limit} (it is stopped then)
     */
    public Finished run(Path log, Duration limit, String... args) throws Exception {
        try (ManagedProcess process = start(log, args)) {
            if (!process.process().waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(jar + " " + String.join(" ", args) + " did not exit within " + limit
                        + ":\n" + process.output());
            }
            return new Finished(process.process().exitValue(), process.output());
        }
    }

    /** How a run to the end went: its exit status and everything it printed. */
    public record Finished(int exitCode, String output) {
    }
}
