// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.testing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.Rect;
import org.rfbridge.rfb.protocol.ConnectionEvents;
import org.rfbridge.rfb.protocol.ConnectionOptions;
import org.rfbridge.rfb.protocol.RfbConnection;
import org.rfbridge.rfb.protocol.SessionInfo;

/**
 * Runs an {@link RfbConnection} over scripted server bytes delivered by a {@link Chunking}, recording events,
 * sent bytes and the final pixels. The simulated consumer acknowledges every update at once.
 */
public final class Feeder {
    /** What one run produced. */
    public record Result(List<String> events, byte[] sent, Framebuffer framebuffer, RfbException failure,
            RfbConnection connection) {
        public int[] pixels() {
            return framebuffer == null ? new int[0] : framebuffer.pixels().clone();
        }

        /** Comparable summary: events, sent bytes, pixels and failure type/message. */
        public String fingerprint() {
            return events + "|" + Arrays.toString(sent) + "|" + Arrays.hashCode(pixels()) + "|"
                    + (failure == null ? "ok" : failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
    }

    private Feeder() {
    }

    /**
     * Runs the script under every {@link Chunking} and asserts that each gives the same events, sent bytes,
     * pixels and failure as the whole delivery, which it returns.
     */
    public static Result runEveryWay(ConnectionOptions options, byte[] serverBytes) {
        return runEveryWay(options, serverBytes, true);
    }

    /** As {@link #runEveryWay(ConnectionOptions, byte[])}, with or without acknowledging updates. */
    public static Result runEveryWay(ConnectionOptions options, byte[] serverBytes, boolean acknowledge) {
        Result whole = run(options, serverBytes, Chunking.WHOLE, acknowledge);
        for (Chunking chunking : Chunking.values()) {
            Result other = run(options, serverBytes, chunking, acknowledge);
            Assertions.assertEquals(whole.events(), other.events(), chunking + ": events");
            Assertions.assertArrayEquals(whole.sent(), other.sent(), chunking + ": sent bytes");
            Assertions.assertArrayEquals(whole.pixels(), other.pixels(), chunking + ": pixels");
            Assertions.assertEquals(describe(whole.failure()), describe(other.failure()), chunking + ": failure");
        }
        return whole;
    }

    private static String describe(RfbException failure) {
        return failure == null ? "none" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    public static Result run(ConnectionOptions options, byte[] serverBytes, Chunking chunking) {
        return run(options, serverBytes, chunking, true);
    }

    public static Result run(ConnectionOptions options, byte[] serverBytes, Chunking chunking, boolean acknowledge) {
        List<String> events = new ArrayList<>();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        RfbConnection[] holder = new RfbConnection[1];
        RfbConnection connection = new RfbConnection(options, new ConnectionEvents() {
            @Override
            public void onConnected(SessionInfo info) {
                events.add("handshake " + info.version() + " " + info.securityType() + " " + info.width() + "x"
                        + info.height() + " '" + info.name() + "'");
            }

            @Override
            public void onFramebufferUpdate(Framebuffer fb, List<Rect> dirty) {
                events.add("update " + dirty);
                if (acknowledge) {
                    holder[0].updateConsumed();
                }
            }

            @Override
            public void onDesktopResized(Framebuffer fb) {
                events.add("resize " + fb.width() + "x" + fb.height());
            }

            @Override
            public void onCursorShape(CursorShape shape) {
                events.add("cursor " + shape + " " + Arrays.hashCode(shape.argb()));
            }

            @Override
            public void onBell() {
                events.add("bell");
            }

            @Override
            public void onClipboard(String text) {
                events.add("cut " + text);
            }
        });
        holder[0] = connection;
        RfbException failure = null;
        try {
            for (byte[] piece : chunking.split(serverBytes)) {
                connection.receive(piece);
                while (connection.step()) {
                    // until starved
                }
                sent.writeBytes(connection.takeOutput());
            }
        } catch (RfbException e) {
            failure = e;
        }
        sent.writeBytes(connection.takeOutput());
        return new Result(events, sent.toByteArray(), connection.framebuffer(), failure, connection);
    }
}
