// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.rfbridge.rfb.RfbAuthenticationException;
import org.rfbridge.rfb.client.ClientOptions;
import org.rfbridge.rfb.client.Target;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.security.PasswordProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The target and connection options every command shares. The password is never an argument (it would show
 * in process listings and shell history): it comes from {@code --password-file}, the {@code VNC_PASSWORD}
 * environment variable, or a prompt on the terminal, in that order, and only if the server asks.
 */
final class SessionOptions {
    static final String PASSWORD_VARIABLE = "VNC_PASSWORD";

    private final Map<String, String> env;

    @Parameters(index = "0", paramLabel = "TARGET",
            description = "host:port, host:display (display N < 100 means port 5900+N), host::port, "
                    + "or a ws:// or wss:// URL (path defaults to /websockify)")
    String target;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "read the VNC password from the first line of FILE")
    Path passwordFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "give up after this many seconds per phase (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--exclusive", description = "ask the server to disconnect other viewers (shared flag off)")
    boolean exclusive;

    @Option(names = "--subprotocol", paramLabel = "NAME",
            description = "WebSocket subprotocol to offer (for example 'binary'; default none)")
    String subprotocol;

    @Option(names = "--security", paramLabel = "TYPE", split = ",",
            description = "security types to accept, in order of preference (1 None, 2 VNC auth, 16 Tight)")
    List<Integer> securityTypes;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "ask for this encoding first: tight, zrle, hextile, zlib, rre, raw, tightpng "
                    + "(default: Tight, with the quality following the link)")
    String encoding;

    @Option(names = "--quality", paramLabel = "Q", defaultValue = "auto",
            description = "JPEG quality level 0..9, lossless (no JPEG), or auto: from the measured link "
                    + "(default ${DEFAULT-VALUE})")
    String quality;

    @Option(names = "--compression", paramLabel = "N", defaultValue = "auto",
            description = "compression level 0..9 or auto (default ${DEFAULT-VALUE})")
    String compression;

    @Option(names = "--jpeg-quality", paramLabel = "N",
            description = "fine JPEG quality 1..100 for servers that understand it (TigerVNC, TurboVNC)")
    Integer jpegQuality;

    @Option(names = "--subsampling", paramLabel = "S",
            description = "JPEG chroma subsampling with --jpeg-quality: 1x (none), 2x (4:2:2), 4x (4:2:0), gray")
    String subsampling;

    @Option(names = {"-v", "--verbose"}, description = "log the protocol exchange to stderr")
    boolean verbose;

    SessionOptions(Map<String, String> env) {
        this.env = env;
    }

    Target parsedTarget() {
        return Target.parse(target);
    }

    Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    /** Sets the log level; must run before the first logger is created. */
    void configureLogging() {
        if (System.getProperty(RfbCli.LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(RfbCli.LOG_LEVEL_PROPERTY, verbose ? "DEBUG" : "WARN");
        }
    }

    ClientOptions.Builder clientOptions() throws IOException {
        ClientOptions.Builder builder = ClientOptions.builder()
                .connectTimeout(timeout())
                .handshakeTimeout(timeout())
                .shared(!exclusive)
                .webSocketSubprotocol(subprotocol)
                .passwords(passwordProvider());
        if (securityTypes != null) {
            builder.securityTypes(securityTypes);
        }
        return builder.encodingPreferences(encodingPreferences(false));
    }

    /**
     * The encoding options as preferences; with {@code alone}, {@code --encoding} names the only pixel encoding.
     *
     * @throws IllegalArgumentException for words the options do not accept, saying which they do
     */
    EncodingPreferences encodingPreferences(boolean alone) {
        EncodingPreferences preferences = EncodingPreferences.auto()
                .withQuality(EncodingPreferences.parseQuality(quality))
                .withCompression(EncodingPreferences.parseCompression(compression));
        if (encoding != null) {
            int chosen = Encodings.pixelEncoding(encoding);
            preferences = alone ? preferences.only(chosen) : preferences.preferring(chosen);
        }
        if (jpegQuality != null || subsampling != null) {
            if (jpegQuality == null) {
                throw new IllegalArgumentException("--subsampling goes with --jpeg-quality");
            }
            preferences = preferences.withJpeg(jpegQuality,
                    subsampling == null ? null : EncodingPreferences.parseSubsampling(subsampling));
        }
        return preferences;
    }

    /** Where the password comes from: the file, else the environment, else a prompt (only if asked). */
    PasswordProvider passwordProvider() throws IOException {
        if (passwordFile != null) {
            char[] password = readFirstLine(passwordFile);
            return PasswordProvider.of(password);
        }
        String fromEnv = env.get(PASSWORD_VARIABLE);
        if (fromEnv != null) {
            return PasswordProvider.of(fromEnv);
        }
        return () -> {
            Console console = System.console();
            if (console == null) {
                throw new RfbAuthenticationException("the server requires a password: use --password-file FILE or "
                        + "set " + PASSWORD_VARIABLE + " (there is no terminal to prompt on)");
            }
            return console.readPassword("VNC password for %s: ", target);
        };
    }

    private static char[] readFirstLine(Path file) throws IOException {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String line = end < 0 ? content : content.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new IOException("cannot read password file " + file + ": " + e.getMessage(), e);
        }
    }
}
