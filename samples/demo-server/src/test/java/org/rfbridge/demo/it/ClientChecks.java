// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.rfbridge.rfb.client.ClientOptions;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.encoding.CopyRectDecoder;
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;

/** What the ITs share: client options, CopyRect counting, and "client pixels equal server pixels" polling. */
public final class ClientChecks {

    public static final Duration WAIT = Duration.ofSeconds(10);

    private ClientChecks() {
    }

    /** A client that asks for the next update as soon as one is applied, so it follows the desktop. */
    public static ClientOptions.Builder following() {
        return ClientOptions.builder().autoAcknowledgeUpdates(true)
                .connectTimeout(Duration.ofSeconds(5)).handshakeTimeout(Duration.ofSeconds(5));
    }

    /** The standard decoders, with CopyRect counting the rectangles it decodes into {@code copies}. */
    static DecoderRegistry countingCopyRect(AtomicInteger copies) {
        DecoderRegistry standard = DecoderRegistry.standard();
        DecoderRegistry.Builder builder = DecoderRegistry.builder();
        for (int encoding : standard.encodings()) {
            if (encoding == Encodings.COPY_RECT) {
                builder.add(encoding, () -> {
                    CopyRectDecoder real = new CopyRectDecoder();
                    return (r, in, pf, fb) -> {
                        boolean done = real.decodeRect(r, in, pf, fb);
                        if (done) {
                            copies.incrementAndGet();
                        }
                        return done;
                    };
                });
            } else if (DecoderRegistry.READER_PSEUDO_ENCODINGS.contains(encoding)) {
                builder.pseudo(encoding);
            } else {
                DecoderRegistry single = standard.only(List.of(encoding));
                builder.add(encoding, () -> single.createDecoders().get(encoding));
            }
        }
        return builder.build();
    }

    /** The ARGB a client in format {@code pf} holds for the server's ARGB pixel {@code argb}. */
    static int throughFormat(PixelFormat pf, int argb) {
        byte[] wire = new byte[4];
        pf.fromArgb(argb, wire, 0);
        return pf.toArgb(wire, 0);
    }

    /** {@code server} converted pixel by pixel through {@code pf}. */
    static int[] throughFormat(PixelFormat pf, int[] server) {
        int[] out = new int[server.length];
        for (int i = 0; i < server.length; i++) {
            out[i] = throughFormat(pf, server[i]);
        }
        return out;
    }

    /**
     * Polls (bounded by {@link #WAIT}) until the client's framebuffer equals {@code expected} (read afresh each
     * time, as the server may still be changing), and returns the last client copy.
     */
    public static Framebuffer awaitEqual(RfbClient client, Supplier<int[]> expected, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "no snapshot";
        while (System.nanoTime() < deadline) {
            Framebuffer fb = client.snapshot(WAIT);
            int[] want = expected.get();
            String difference = difference(fb, want);
            if (difference == null) {
                return fb;
            }
            last = difference;
            Thread.sleep(20);
        }
        return fail(what + ": client framebuffer never equalled the server's within " + WAIT + ": " + last);
    }

    /** Null when equal, else what differs first. */
    public static String difference(Framebuffer fb, int[] want) {
        int[] have = fb.pixels();
        if (have.length != want.length) {
            return "size " + fb.width() + "x" + fb.height() + " holds " + have.length + " pixels, expected "
                    + want.length;
        }
        int differing = 0;
        int first = -1;
        for (int i = 0; i < want.length; i++) {
            if (have[i] != want[i]) {
                differing++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (differing == 0) {
            return null;
        }
        return differing + " pixels differ, first at (" + first % fb.width() + "," + first / fb.width()
                + "): client " + Integer.toHexString(have[first]) + ", expected " + Integer.toHexString(want[first]);
    }
}
