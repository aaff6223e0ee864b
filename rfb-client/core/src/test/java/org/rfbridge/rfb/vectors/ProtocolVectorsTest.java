// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.Limits;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.security.SecurityTypes;

/**
 * Every vector of {@code protocol-tests/}, delivered whole, one byte at a time and in seeded random chunks
 * ({@code -Drfbridge.vectorSeed=N} to replay a seed; the seed is in every failure message). Vectors on the
 * Java skip list are listed on standard output and not run; a skipped vector that does not exist fails.
 */
class ProtocolVectorsTest {
    static final long SEED = Long.getLong("rfbridge.vectorSeed", 20261202L);

    @TestFactory
    Stream<DynamicTest> everyVectorEveryWay() {
        List<ProtocolVectors.Vector> vectors = ProtocolVectors.load();
        Map<String, String> skips = ProtocolVectors.skipList();
        TreeSet<String> unknown = new TreeSet<>(skips.keySet());
        vectors.forEach(v -> unknown.remove(v.id()));
        if (!unknown.isEmpty()) {
            throw new AssertionError("skip-java.txt names vectors that do not exist: " + unknown);
        }
        System.out.println("protocol vectors: " + vectors.size() + ", skipped in Java: " + skips.size()
                + (skips.isEmpty() ? "" : " " + skips));
        List<DynamicTest> tests = new ArrayList<>();
        for (ProtocolVectors.Vector vector : vectors) {
            if (skips.containsKey(vector.id())) {
                continue;
            }
            for (VectorRun.Delivery delivery : VectorRun.Delivery.values()) {
                String name = vector.id() + " [" + delivery.name().toLowerCase() + "]";
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    try {
                        new VectorRun(vector.id(), delivery, SEED).run(vector);
                    } catch (AssertionError e) {
                        throw new AssertionError(e.getMessage() + " [delivery " + delivery
                                + (delivery == VectorRun.Delivery.RANDOM ? ", -Drfbridge.vectorSeed=" + SEED : "")
                                + "]", e.getCause());
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void errorCodesAreTheSharedList() {
        JsonNode codes = ProtocolVectors.read(ProtocolVectors.root().resolve("error-codes.json")).get("codes");
        List<String> shared = new ArrayList<>();
        codes.fieldNames().forEachRemaining(shared::add);
        assertEquals(new TreeSet<>(shared), new TreeSet<>(Arrays.stream(ErrorCode.values()).map(ErrorCode::id).toList()));
    }

    @Test
    void namesAreTheSharedTables() throws IllegalAccessException {
        JsonNode names = ProtocolVectors.read(ProtocolVectors.root().resolve("names.json"));
        java.util.Set<Integer> shared = new java.util.TreeSet<>();
        for (JsonNode e : names.get("encodings")) {
            shared.add(e.get("number").asInt());
            assertEquals(e.get("name").asText(), Encodings.name(e.get("number").asInt()), "encoding " + e);
        }
        java.util.Set<Integer> declared = new java.util.TreeSet<>();
        for (java.lang.reflect.Field field : Encodings.class.getFields()) {
            if (field.getType() == int.class && !field.getName().endsWith("_LEVEL_0")) {
                declared.add(field.getInt(null));
            }
        }
        assertEquals(shared, declared, "Encodings declares the shared numbers");
        for (JsonNode t : names.get("securityTypes")) {
            assertEquals(t.get("name").asText(), SecurityTypes.name(t.get("number").asInt()), "security type " + t);
        }
    }

    @Test
    void limitsAreTheSharedValues() {
        JsonNode limits = ProtocolVectors.read(ProtocolVectors.root().resolve("limits.json"));
        assertEquals(limits.get("maxFramebufferSide").asInt(), Limits.MAX_FRAMEBUFFER_SIDE);
        assertEquals(limits.get("maxCursorSide").asInt(), Limits.MAX_CURSOR_SIDE);
        assertEquals(limits.get("maxStringBytes").asInt(), Limits.MAX_STRING_BYTES);
        assertEquals(limits.get("maxTightCapabilities").asInt(), Limits.MAX_TIGHT_CAPABILITIES);
        assertEquals(limits.get("colourMapSize").asInt(), Limits.COLOUR_MAP_SIZE);
        assertEquals(limits.get("defaultMaxCutTextBytes").asInt(), Limits.DEFAULT_MAX_CUT_TEXT_BYTES);
    }
}
