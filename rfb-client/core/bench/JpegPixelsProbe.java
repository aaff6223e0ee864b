// SPDX-License-Identifier: Apache-2.0

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Why ImageDecoding reads a JPEG's pixels from the decoded image's bytes: the time ImageIO takes to decode a
 * photo-like 1920x1080 JPEG, beside BufferedImage.getRGB and beside reading the bytes, in the same run.
 * {@code java rfb-client/core/bench/JpegPixelsProbe.java} (no build needed).
 */
public final class JpegPixelsProbe {
    private JpegPixelsProbe() {
    }

    public static void main(String[] args) throws Exception {
        int w = 1920;
        int h = 1080;
        BufferedImage source = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random grain = new Random(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = grain.nextInt(13) - 6;
                int r = clamp((int) (128 + 90 * Math.sin(x / 53.0 + y / 71.0)) + n);
                int g = clamp((int) (128 + 90 * Math.sin(x / 91.0 - y / 37.0)) + n);
                int b = clamp((int) (128 + 90 * Math.cos((x + y) / 77.0)) + n);
                source.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(source, "jpeg", out);
        byte[] jpeg = out.toByteArray();
        ImageIO.setUseCache(false);
        double decode = 0;
        double getRgb = 0;
        double bytes = 0;
        int rounds = 10;
        for (int i = 0; i < rounds + 5; i++) {
            long t0 = System.nanoTime();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            long t1 = System.nanoTime();
            image.getRGB(0, 0, w, h, null, 0, w);
            long t2 = System.nanoTime();
            fromBytes(image);
            long t3 = System.nanoTime();
            if (i >= 5) {
                decode += (t1 - t0) / 1e6 / rounds;
                getRgb += (t2 - t1) / 1e6 / rounds;
                bytes += (t3 - t2) / 1e6 / rounds;
            }
        }
        System.out.printf("1920x1080 JPEG of %d KiB: decode %.1f ms, getRGB %.1f ms (%.2fx decode), "
                + "pixels from the bytes %.1f ms (%.2fx decode)%n", jpeg.length / 1024, decode, getRgb,
                getRgb / decode, bytes, bytes / decode);
    }

    private static int[] fromBytes(BufferedImage image) {
        ComponentSampleModel model = (ComponentSampleModel) image.getRaster().getSampleModel();
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int[] offsets = model.getBandOffsets();
        int stride = model.getScanlineStride();
        int step = model.getPixelStride();
        int[] argb = new int[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0, at = y * stride; x < image.getWidth(); x++, at += step) {
                argb[y * image.getWidth() + x] = (data[at + offsets[0]] & 0xFF) << 16
                        | (data[at + offsets[1]] & 0xFF) << 8 | (data[at + offsets[2]] & 0xFF);
            }
        }
        return argb;
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }
}
