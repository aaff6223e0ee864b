// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
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
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.io.RfbOutput;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.protocol.ConnectionOptions;
import org.rfbridge.rfb.protocol.DecodeStats;
import org.rfbridge.rfb.protocol.ServerMessageReader;

/**
 * One full 1920x1080 update of a photo-like picture (smooth colour with grain) in each compressed encoding, through
 * the message reader in 64 KiB reads as a session gets it; beside {@code DecodeBenchmark.arraycopyBaseline} of
 * the same pixels in the same run (bench/run.sh prints both). The updates are made in the set-up by small
 * encoders written for the benchmark, the way servers lay them out: Tight and TightPNG in 1920x64 bands (Tight's
 * compact length caps a rectangle's data at 4 MiB), ZRLE in raw 64x64 tiles, Hextile in raw 16x16 tiles, JPEG at
 * ImageIO's quality 0.8. Each operation starts a new reader, so every zlib stream starts fresh as the data does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class EncodingBenchmark {
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;
    private static final int BAND = 64;

    private final PixelFormat format = PixelFormat.RGB888;
    private int[] picture;
    private Framebuffer framebuffer;
    private byte[] zlib;
    private byte[] zrle;
    private byte[] hextile;
    private byte[] tightLossless;
    private byte[] tightJpeg;
    private byte[] tightPng;
    private CountingHandler handler;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        picture = photo();
        framebuffer = new Framebuffer(WIDTH, HEIGHT);
        handler = new CountingHandler(format, framebuffer);
        zlib = update(1, out -> {
            rectHeader(out, 0, 0, WIDTH, HEIGHT, Encodings.ZLIB);
            byte[] packed = deflate(pixels(0, 0, WIDTH, HEIGHT, 4));
            out.writeU32(packed.length).writeBytes(packed);
        });
        zrle = update(1, out -> {
            rectHeader(out, 0, 0, WIDTH, HEIGHT, Encodings.ZRLE);
            ByteArrayOutputStream tiles = new ByteArrayOutputStream();
            for (int ty = 0; ty < HEIGHT; ty += 64) {
                for (int tx = 0; tx < WIDTH; tx += 64) {
                    tiles.write(0); // raw tile
                    tiles.writeBytes(pixels(tx, ty, Math.min(64, WIDTH - tx), Math.min(64, HEIGHT - ty), -3));
                }
            }
            byte[] packed = deflate(tiles.toByteArray());
            out.writeU32(packed.length).writeBytes(packed);
        });
        hextile = update(1, out -> {
            rectHeader(out, 0, 0, WIDTH, HEIGHT, Encodings.HEXTILE);
            for (int ty = 0; ty < HEIGHT; ty += 16) {
                for (int tx = 0; tx < WIDTH; tx += 16) {
                    out.writeU8(1); // raw tile
                    out.writeBytes(pixels(tx, ty, Math.min(16, WIDTH - tx), Math.min(16, HEIGHT - ty), 4));
                }
            }
        });
        int bands = (HEIGHT + BAND - 1) / BAND;
        Deflater stream = new Deflater(1);
        tightLossless = update(bands, out -> {
            for (int y = 0; y < HEIGHT; y += BAND) {
                int h = Math.min(BAND, HEIGHT - y);
                rectHeader(out, 0, y, WIDTH, h, Encodings.TIGHT);
                out.writeU8(0x00); // basic compression, stream 0, copy filter
                byte[] packed = deflate(stream, pixels(0, y, WIDTH, h, 3));
                compactLength(out, packed.length);
                out.writeBytes(packed);
            }
        });
        tightJpeg = update(bands, out -> {
            for (int y = 0; y < HEIGHT; y += BAND) {
                int h = Math.min(BAND, HEIGHT - y);
                rectHeader(out, 0, y, WIDTH, h, Encodings.TIGHT);
                byte[] jpeg = image(y, h, "jpeg");
                out.writeU8(0x90);
                compactLength(out, jpeg.length);
                out.writeBytes(jpeg);
            }
        });
        tightPng = update(bands, out -> {
            for (int y = 0; y < HEIGHT; y += BAND) {
                int h = Math.min(BAND, HEIGHT - y);
                rectHeader(out, 0, y, WIDTH, h, Encodings.TIGHT_PNG);
                byte[] png = image(y, h, "png");
                out.writeU8(0xA0);
                compactLength(out, png.length);
                out.writeBytes(png);
            }
        });
    }

    @Benchmark
    public int zlibSession() throws RfbProtocolException {
        return decode(zlib);
    }

    @Benchmark
    public int zrleSession() throws RfbProtocolException {
        return decode(zrle);
    }

    @Benchmark
    public int hextileSession() throws RfbProtocolException {
        return decode(hextile);
    }

    @Benchmark
    public int tightLosslessSession() throws RfbProtocolException {
        return decode(tightLossless);
    }

    @Benchmark
    public int tightJpegSession() throws RfbProtocolException {
        return decode(tightJpeg);
    }

    @Benchmark
    public int tightPngSession() throws RfbProtocolException {
        return decode(tightPng);
    }

    private int decode(byte[] message) throws RfbProtocolException {
        ServerMessageReader reader = new ServerMessageReader(handler, DecoderRegistry.standard(),
                ConnectionOptions.DEFAULT_MAX_CUT_TEXT, new DecodeStats());
        RfbInput input = new RfbInput();
        return handler.readUpdate(reader, input, message);
    }

    private static int[] photo() {
        int[] argb = new int[WIDTH * HEIGHT];
        Random grain = new Random(42);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int n = grain.nextInt(13) - 6;
                int r = clamp((int) (128 + 90 * Math.sin(x / 53.0 + y / 71.0)) + n);
                int g = clamp((int) (128 + 90 * Math.sin(x / 91.0 - y / 37.0)) + n);
                int b = clamp((int) (128 + 90 * Math.cos((x + y) / 77.0)) + n);
                argb[y * WIDTH + x] = 0xFF00_0000 | r << 16 | g << 8 | b;
            }
        }
        return argb;
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }

    /**
     * The rectangle's pixels, row by row: 4 bytes little-endian XRGB, 3 bytes red, green, blue (Tight's TPIXEL), or
     * for {@code -3} ZRLE's CPIXEL of the little-endian format (blue, green, red).
     */
    private byte[] pixels(int x0, int y0, int w, int h, int bytesPerPixel) {
        if (bytesPerPixel == -3) {
            byte[] rgb = pixels(x0, y0, w, h, 3);
            for (int i = 0; i < rgb.length; i += 3) {
                byte red = rgb[i];
                rgb[i] = rgb[i + 2];
                rgb[i + 2] = red;
            }
            return rgb;
        }
        byte[] out = new byte[w * h * bytesPerPixel];
        int at = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int p = picture[y * WIDTH + x];
                if (bytesPerPixel == 4) {
                    out[at++] = (byte) p;
                    out[at++] = (byte) (p >>> 8);
                    out[at++] = (byte) (p >>> 16);
                    out[at++] = 0;
                } else if (bytesPerPixel == 3) {
                    out[at++] = (byte) (p >>> 16);
                    out[at++] = (byte) (p >>> 8);
                    out[at++] = (byte) p;
                }
            }
        }
        return out;
    }

    private byte[] image(int y0, int h, String format) throws IOException {
        BufferedImage band = new BufferedImage(WIDTH, h, BufferedImage.TYPE_INT_RGB);
        band.setRGB(0, 0, WIDTH, h, picture, y0 * WIDTH, WIDTH);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.8f);
            }
            writer.write(null, new IIOImage(band, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        return deflate(new Deflater(1), data);
    }

    /** The data compressed and sync-flushed in {@code stream}, as a server does for each rectangle. */
    private static byte[] deflate(Deflater stream, byte[] data) {
        stream.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        int n;
        while ((n = stream.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static void compactLength(RfbOutput out, int length) {
        out.writeU8(length & 0x7F | (length > 0x7F ? 0x80 : 0));
        if (length > 0x7F) {
            out.writeU8(length >> 7 & 0x7F | (length > 0x3FFF ? 0x80 : 0));
            if (length > 0x3FFF) {
                out.writeU8(length >> 14 & 0xFF);
            }
        }
    }

    private static void rectHeader(RfbOutput out, int x, int y, int w, int h, int encoding) {
        out.writeU16(x).writeU16(y).writeU16(w).writeU16(h).writeS32(encoding);
    }

    @FunctionalInterface
    private interface Body {
        void write(RfbOutput out) throws IOException;
    }

    private static byte[] update(int rectangles, Body body) throws IOException {
        RfbOutput out = new RfbOutput();
        out.writeU8(ServerMessageReader.FRAMEBUFFER_UPDATE).pad(1).writeU16(rectangles);
        body.write(out);
        return out.take();
    }

}
