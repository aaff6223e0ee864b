// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.vectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.protocol.ConnectionEvents;
import org.rfbridge.rfb.protocol.RfbConnection;

/**
 * Mutation fuzzing from the vectors: every vector's server bytes, mutated ({@link Mutations}) and delivered in
 * random chunks, must end in a finished update, a starved connection or an error with a code, never an
 * internal error (a check missing before the framebuffer's own), an exception that is not an
 * {@link RfbException}, a loop that makes no progress, or an allocation beyond what the limits allow.
 *
 * <p>{@code -Drfbridge.fuzzMutants=N} mutants per vector (default 64, a few seconds; the run on demand in
 * {@code protocol-tests/README.md} uses thousands), {@code -Drfbridge.vectorSeed=S} for the seed.
 */
class ProtocolVectorsFuzzTest {
    private static final int MUTANTS = Integer.getInteger("rfbridge.fuzzMutants", 64);
    private static final long ALLOCATION_SLACK = 64L << 20;

    @Test
    void mutantsEndCleanly() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();
        Random random = new Random(ProtocolVectorsTest.SEED);
        int runs = 0;
        int failed = 0;
        for (ProtocolVectors.Vector vector : ProtocolVectors.load()) {
            byte[] server = serverBytes(vector.script());
            boolean closes = vector.script().stream().anyMatch(step -> step.has("close"));
            for (int m = 0; m < MUTANTS; m++) {
                long mutantSeed = random.nextLong();
                byte[] mutant = Mutations.mutate(server, new Random(mutantSeed));
                String where = vector.id() + " mutant seed " + mutantSeed + " (" + HexFormat.of().formatHex(mutant,
                        0, Math.min(mutant.length, 200)) + ")";
                long before = threads.getThreadAllocatedBytes(threadId);
                long[] largestFramebuffer = {0};
                RfbException failure = run(vector.json().path("client"), mutant, closes, new Random(mutantSeed),
                        largestFramebuffer, where);
                long allocated = threads.getThreadAllocatedBytes(threadId) - before;
                long allowed = ALLOCATION_SLACK + 8 * largestFramebuffer[0] + 16L * mutant.length;
                assertTrue(allocated <= allowed, where + ": allocated " + allocated + " bytes, more than " + allowed);
                if (failure != null && failure.code() == ErrorCode.INTERNAL) {
                    fail(where + ": internal error " + failure.getMessage(), failure);
                }
                runs++;
                failed += failure == null ? 0 : 1;
            }
        }
        System.out.println("protocol vector fuzzing: " + runs + " mutants, " + failed + " ended with an error code, seed "
                + ProtocolVectorsTest.SEED);
    }

    private static byte[] serverBytes(List<JsonNode> script) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        script.stream().filter(step -> step.has("server")).forEach(step -> all.writeBytes(ProtocolVectors.bytes(step.get("server"))));
        return all.toByteArray();
    }

    private static RfbException run(JsonNode client, byte[] mutant, boolean closes, Random random, long[] largest,
            String where) {
        RfbConnection[] holder = new RfbConnection[1];
        RfbConnection connection = new RfbConnection(VectorRun.options(client), new ConnectionEvents() {
            @Override
            public void onDesktopResized(Framebuffer fb) {
                largest[0] = Math.max(largest[0], 4L * fb.width() * fb.height());
            }
        });
        holder[0] = connection;
        try {
            int at = 0;
            while (at < mutant.length) {
                int size = Math.min(mutant.length - at, 1 + random.nextInt(random.nextBoolean() ? 8 : 512));
                connection.receive(mutant, at, size);
                at += size;
                int steps = 0;
                while (connection.step()) {
                    if (connection.framebuffer() != null) {
                        largest[0] = Math.max(largest[0], 4L * connection.framebuffer().width()
                                * connection.framebuffer().height());
                    }
                    if (++steps > 4 * mutant.length + 1000) {
                        fail(where + ": " + steps + " steps without running out of bytes: a loop without progress");
                    }
                }
                connection.takeOutput();
            }
            if (closes) {
                connection.endOfStream();
            }
            return null;
        } catch (RfbException e) {
            return e;
        } catch (RuntimeException e) {
            throw new AssertionError(where + ": threw " + e, e);
        }
    }
}
