// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rfbridge.proxy.files.FileWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Targets from a token file in websockify's format: one {@code token: host:port} per line, {@code #}
 * starts a comment. A directory is read as the union of the regular files in it, as websockify does, except
 * the ones editors and package managers leave beside the real ones (hidden files, {@code a.cfg~},
 * {@code #a.cfg#}, {@code .swp}, {@code .bak}, {@code .orig}, {@code .tmp}, {@code .dpkg-old} and the like):
 * a backup still holding a removed token must not keep admitting it.
 *
 * <p>The file is polled for changes (by {@link FileWatch}) on a daemon thread of its own, so lookups on the event loops only
 * read an immutable map and never touch the disk. A file that fails to parse keeps the previous table
 * for lines that did parse: one bad line does not lock every user out. A line that is not UTF-8 is one bad
 * line too, skipped with a warning, not a reason to keep the whole old table.
 */
public final class TokenFileResolver implements TargetResolver {

    private static final Logger log = LoggerFactory.getLogger(TokenFileResolver.class);
    private static final long MAX_FILE_BYTES = 16L << 20;
    private static final Pattern LEFT_OVER_SUFFIX = Pattern.compile(
            "\\.(swp|swo|swx|bak|backup|old|orig|rej|tmp|temp|save|dpkg-(old|new|dist|tmp)|rpm(new|save|orig))$");

    private final Path source;
    private final FileWatch watch;
    private volatile Map<String, HostAndPort> targets = Map.of();

    /**
     * Reads {@code source} now (failing if it cannot be read at all) and then re-reads it whenever its
     * files, their sizes or modification times change, checking every {@code pollInterval}.
     */
    public TokenFileResolver(Path source, Duration pollInterval) throws IOException {
        this.source = source;
        watch = new FileWatch(() -> filesOf(source));
        load();
        watch.start("token-file-poller", pollInterval, () -> {
            load();
            log.info("token file {} reloaded: {} tokens", source, targets.size());
        }, e -> log.warn("token file {}: keeping the previous {} tokens: {}", source, targets.size(), e.toString()));
    }

    @Override
    public Optional<HostAndPort> resolve(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(targets.get(token));
    }

    @Override
    public String describe() {
        return "token file " + source + " (" + targets.size() + " tokens)";
    }

    /** The number of tokens currently loaded. */
    public int size() {
        return targets.size();
    }

    @Override
    public void close() {
        watch.close();
    }

    private void load() throws IOException {
        Map<String, HostAndPort> parsed = new HashMap<>();
        for (Path file : filesOf(source)) {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IOException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            // Decoded leniently, so that a stray byte spoils only its own line (see parseInto).
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            parseInto(file, text.lines().toList(), parsed);
        }
        targets = Map.copyOf(parsed);
    }

    static void parseInto(Path file, List<String> lines, Map<String, HostAndPort> into) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.indexOf('\uFFFD') >= 0) {
                log.warn("{}:{}: the line is not valid UTF-8; skipping it", file, i + 1);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                log.warn("{}:{}: expected 'token: host:port', skipping the line", file, i + 1);
                continue;
            }
            String token = line.substring(0, colon).strip();
            try {
                HostAndPort target = HostAndPort.parse(line.substring(colon + 1).strip());
                HostAndPort previous = into.put(token, target);
                if (previous != null && !previous.equals(target)) {
                    log.warn("{}:{}: token '{}' defined again; the later line wins", file, i + 1, token);
                }
            } catch (IllegalArgumentException e) {
                log.warn("{}:{}: {}; skipping the line", file, i + 1, e.getMessage());
            }
        }
    }

    private static List<Path> filesOf(Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            return List.of(source);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(source)) {
            entries.filter(Files::isRegularFile).filter(file -> !isLeftOver(file.getFileName().toString()))
                    .sorted().forEach(files::add);
        }
        return files;
    }

    /** Whether a file in a token directory is an editor's or package manager's copy, not a token file. */
    static boolean isLeftOver(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith(".") || lower.endsWith("~") || (lower.startsWith("#") && lower.endsWith("#"))
                || LEFT_OVER_SUFFIX.matcher(lower).find();
    }
}
