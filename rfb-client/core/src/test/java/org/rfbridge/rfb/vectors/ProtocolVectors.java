// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads the vector suite: every {@code vectors/**}{@code /*.json}, with {@code include} steps resolved from
 * {@code fragments/}, the shared error codes and limits, and this language's skip list. The format is
 * described in {@code protocol-tests/README.md}.
 */
final class ProtocolVectors {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One vector: its id (path under {@code vectors/} without {@code .json}) and its JSON. */
    record Vector(String id, JsonNode json, List<JsonNode> script) {
    }

    private ProtocolVectors() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("rfbridge.protocolTests", "../../protocol-tests"));
        if (!Files.isDirectory(root.resolve("vectors"))) {
            throw new IllegalStateException("no protocol-tests/vectors under " + root.toAbsolutePath());
        }
        return root;
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static List<Vector> load() {
        Path root = root();
        Path vectors = root.resolve("vectors");
        List<Vector> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(vectors)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String id = vectors.relativize(file).toString().replace('\\', '/').replaceAll("\\.json$", "");
                JsonNode json = read(file);
                all.add(new Vector(id, json, expand(root, json.path("script"), id)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static List<JsonNode> expand(Path root, JsonNode script, String where) {
        List<JsonNode> steps = new ArrayList<>();
        for (JsonNode step : script) {
            if (step.has("include")) {
                String name = step.get("include").asText();
                Path fragment = root.resolve("fragments").resolve(name + ".json");
                if (!Files.isRegularFile(fragment)) {
                    throw new IllegalArgumentException(where + ": no fragment " + name);
                }
                steps.addAll(expand(root, read(fragment).path("script"), name));
            } else {
                steps.add(step);
            }
        }
        return steps;
    }

    /** Vector id to reason, from {@code skip-java.txt} ({@code id  # reason} per line). */
    static Map<String, String> skipList() {
        Path file = root().resolve("skip-java.txt");
        Map<String, String> skips = new TreeMap<>();
        if (!Files.exists(file)) {
            return skips;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                int hash = entry.indexOf('#');
                String id = (hash < 0 ? entry : entry.substring(0, hash)).strip();
                skips.put(id, hash < 0 ? "" : entry.substring(hash + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return skips;
    }

    /** The bytes of a {@code server} or {@code client} step: hex, or parts of hex, ascii and fills. */
    static byte[] bytes(JsonNode spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (spec.isArray()) {
            spec.forEach(part -> out.writeBytes(part(part)));
        } else {
            out.writeBytes(part(spec));
        }
        return out.toByteArray();
    }

    private static byte[] part(JsonNode part) {
        if (part.isTextual()) {
            return HexFormat.of().parseHex(part.asText().replaceAll("\\s+", ""));
        }
        if (part.has("ascii")) {
            return part.get("ascii").asText().getBytes(StandardCharsets.ISO_8859_1);
        }
        if (part.has("fill")) {
            byte[] unit = HexFormat.of().parseHex(part.get("fill").asText().replaceAll("\\s+", ""));
            int count = part.get("count").asInt();
            byte[] all = new byte[Math.multiplyExact(unit.length, count)];
            for (int i = 0; i < count; i++) {
                System.arraycopy(unit, 0, all, i * unit.length, unit.length);
            }
            return all;
        }
        throw new IllegalArgumentException("not a byte part: " + part);
    }
}
