// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code rfb-client}: {@code info TARGET} and {@code snapshot TARGET out.png}. Exit status 0 on
 * success, 1 with a one-line reason on stderr when the session fails, 2 for usage errors.
 */
@Command(name = "rfb-client", mixinStandardHelpOptions = true, versionProvider = RfbCli.Version.class,
        description = "Inspect and capture VNC (RFB) desktops over TCP or WebSocket.",
        subcommands = {InfoCommand.class, SnapshotCommand.class, CommandLine.HelpCommand.class})
public final class RfbCli implements Runnable {
    /** Where the CLI's logging configuration lives on the class path (not logback.xml: this is a library). */
    static final String LOGBACK_CONFIG = "org/rfbridge/rfb/cli/logback-cli.xml";
    /** System property the logging configuration reads the level from. */
    static final String LOG_LEVEL_PROPERTY = "rfbridge.cli.log.level";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        }
        System.exit(execute(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the tool without exiting the JVM.
     *
     * @param env the environment to read {@code VNC_PASSWORD} from
     * @return the exit status
     */
    public static int execute(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RfbCli(), new Factory(env));
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: info or snapshot");
    }

    /** Gives the subcommands the environment, so tests need not change the real one. */
    private static final class Factory implements CommandLine.IFactory {
        private final Map<String, String> env;

        Factory(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == SessionOptions.class) {
                return type.cast(new SessionOptions(env));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** Reports the module version from the jar manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RfbCli.class.getPackage().getImplementationVersion();
            return new String[] {"rfb-client " + (version == null ? "(development build)" : version)};
        }
    }
}
