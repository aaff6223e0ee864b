// SPDX-License-Identifier: Apache-2.0

import java.awt.Color;
import java.awt.Font;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/**
 * A benchmark workload for an X display (run with DISPLAY set to the Xvnc under test, as a single-file program:
 * {@code java Workload.java noise|photo|scroll SECONDS}). It covers the screen with an undecorated window and
 * either repaints it with fresh noise as fast as it can (every pixel changes: the server sends Raw), shows a
 * changing photo-like picture (smooth colour with grain, where Tight servers choose JPEG; eight frames in turn,
 * every pixel changing from one to the next), or scrolls it up by a few lines per frame with copyArea and paints
 * only the new strip (the server sends CopyRect plus a small rectangle). Not part of the build.
 */
public final class Workload {
    private Workload() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "noise";
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 30;
        java.awt.Dimension screen = Toolkit.getDefaultToolkit().getScreenSize();
        int w = screen.width;
        int h = screen.height;
        Frame frame = new Frame("workload");
        frame.setUndecorated(true);
        frame.setBounds(0, 0, w, h);
        frame.setVisible(true);
        Thread.sleep(500);
        Graphics g = frame.getGraphics();
        SplittableRandom random = new SplittableRandom(42);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long frames = 0;
        if (mode.equals("noise")) {
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            while (System.nanoTime() < end) {
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = random.nextInt() & 0xFFFFFF;
                }
                g.drawImage(image, 0, 0, null);
                Toolkit.getDefaultToolkit().sync();
                frames++;
            }
        } else if (mode.equals("photo")) {
            BufferedImage[] images = new BufferedImage[8];
            for (int f = 0; f < images.length; f++) {
                images[f] = photo(w, h, f, random);
            }
            while (System.nanoTime() < end) {
                g.drawImage(images[(int) (frames % images.length)], 0, 0, null);
                Toolkit.getDefaultToolkit().sync();
                frames++;
                Thread.sleep(5);
            }
        } else {
            int step = 4;
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
            for (int y = 0; y < h; y += step) {
                paintStrip(g, w, y, step, y / step);
            }
            long line = h / step;
            while (System.nanoTime() < end) {
                g.copyArea(0, step, w, h - step, 0, -step);
                paintStrip(g, w, h - step, step, line++);
                Toolkit.getDefaultToolkit().sync();
                frames++;
                Thread.sleep(1);
            }
        }
        System.out.println(mode + ": " + frames + " frames drawn in " + seconds + " s");
        frame.dispose();
        System.exit(0);
    }

    private static BufferedImage photo(int w, int h, int frame, SplittableRandom random) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        double phase = frame * 0.7;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int grain = random.nextInt(13) - 6;
                int r = clamp((int) (128 + 90 * Math.sin(x / 53.0 + y / 71.0 + phase)) + grain);
                int g = clamp((int) (128 + 90 * Math.sin(x / 91.0 - y / 37.0 - phase)) + grain);
                int b = clamp((int) (128 + 90 * Math.cos((x + y) / 77.0 + 2 * phase)) + grain);
                pixels[y * w + x] = r << 16 | g << 8 | b;
            }
        }
        return image;
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }

    private static void paintStrip(Graphics g, int w, int y, int step, long line) {
        g.setColor(new Color(Color.HSBtoRGB((line % 360) / 360f, 0.6f, 0.9f)));
        g.fillRect(0, y, w, step);
        g.setColor(Color.BLACK);
        g.fillRect((int) ((line * 37) % w), y, 200, Math.max(1, step / 2));
    }
}
