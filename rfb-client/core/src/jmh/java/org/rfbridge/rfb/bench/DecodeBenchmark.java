// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.encoding.CopyRectDecoder;
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.encoding.RawDecoder;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.io.RfbOutput;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;
import org.rfbridge.rfb.protocol.ServerMessageReader;

/**
 * Decoding a 1920x1080 desktop in 32 bits per pixel (the format the client asks for by default), against a
 * plain {@code System.arraycopy} of the same 8,294,400 bytes as the physical baseline. One operation is one
 * full-screen update; bench/run.sh turns operations per second into megapixels per second.
 *
 * <ul>
 *   <li>{@code arraycopyBaseline}: the bytes copied once, byte[] to byte[].</li>
 *   <li>{@code rawDecode}: RawDecoder converts the update's pixels from the input buffer into the ARGB
 *       framebuffer (the input is rewound with mark/reset, so no refill is measured).</li>
 *   <li>{@code rawSession}: the same update as a session receives it: appended to the input in 64 KiB reads
 *       and parsed by the ServerMessageReader as it arrives, FramebufferUpdate header included.</li>
 *   <li>{@code copyRectScroll}: CopyRect of 1920x1079 pixels one row up, as a scroll sends it.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class DecodeBenchmark {
    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;
    static final int FRAME_BYTES = WIDTH * HEIGHT * 4;

    private final PixelFormat format = PixelFormat.RGB888;
    private final Rect fullScreen = new Rect(0, 0, WIDTH, HEIGHT);
    private final Rect scrolled = new Rect(0, 0, WIDTH, HEIGHT - 1);

    private byte[] pixels;
    private byte[] copyTarget;
    private Framebuffer framebuffer;
    private RawDecoder raw;
    private RfbInput rawInput;
    private CopyRectDecoder copyRect;
    private RfbInput copyRectInput;
    private byte[] updateMessage;
    private ServerMessageReader reader;
    private RfbInput sessionInput;
    private CountingHandler handler;

    @Setup(Level.Trial)
    public void setUp() {
        pixels = new byte[FRAME_BYTES];
        new Random(42).nextBytes(pixels);
        copyTarget = new byte[FRAME_BYTES];
        framebuffer = new Framebuffer(WIDTH, HEIGHT);
        handler = new CountingHandler(format, framebuffer);

        raw = new RawDecoder();
        rawInput = new RfbInput();
        rawInput.append(pixels);

        copyRect = new CopyRectDecoder();
        copyRectInput = new RfbInput();
        copyRectInput.append(new byte[] {0, 0, 0, 1}); // source (0, 1): everything moves up one row

        RfbOutput message = new RfbOutput();
        message.writeU8(ServerMessageReader.FRAMEBUFFER_UPDATE).pad(1).writeU16(1); // header, one rectangle
        message.writeU16(0).writeU16(0).writeU16(WIDTH).writeU16(HEIGHT).writeS32(Encodings.RAW);
        message.writeBytes(pixels);
        updateMessage = message.take();
        reader = new ServerMessageReader(handler, DecoderRegistry.standard(),
                org.rfbridge.rfb.protocol.ConnectionOptions.DEFAULT_MAX_CUT_TEXT, new org.rfbridge.rfb.protocol.DecodeStats());
        sessionInput = new RfbInput();
    }

    @Benchmark
    public byte[] arraycopyBaseline() {
        System.arraycopy(pixels, 0, copyTarget, 0, FRAME_BYTES);
        return copyTarget;
    }

    @Benchmark
    public Framebuffer rawDecode() {
        rawInput.mark();
        if (!raw.decodeRect(fullScreen, rawInput, format, framebuffer)) {
            throw new IllegalStateException("Raw decoder starved on a whole rectangle");
        }
        rawInput.reset();
        return framebuffer;
    }

    @Benchmark
    public int rawSession() throws RfbProtocolException {
        return handler.readUpdate(reader, sessionInput, updateMessage);
    }

    @Benchmark
    public Framebuffer copyRectScroll() throws RfbProtocolException {
        copyRectInput.mark();
        copyRect.decodeRect(scrolled, copyRectInput, format, framebuffer);
        copyRectInput.reset();
        return framebuffer;
    }

}
