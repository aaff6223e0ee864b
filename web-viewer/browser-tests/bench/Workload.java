// SPDX-License-Identifier: Apache-2.0

import java.awt.Color;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.Toolkit;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The benchmark's X client, run on the VNC server's display with `java Workload.java MODE`:
 * noise   redraws the whole screen with fresh random pixels as fast as the X server takes them
 *         (nothing compresses or repeats: each frame is a full Raw update);
 * scroll  scrolls the screen up by 8 pixels 60 times a second with XCopyArea and paints the new
 *         strip, as a terminal or browser does (CopyRect plus a small Raw strip);
 * click   shows black, and a white 48x48 square around the pointer while button 1 is held
 *         (click-to-pixel latency: a small change, as a button or menu reacting to a click).
 * Exits when its stdin closes, so the script that started it stops it by closing the pipe.
 */
public final class Workload {

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "noise";
        var screen = Toolkit.getDefaultToolkit().getScreenSize();
        int width = screen.width;
        int height = screen.height;
        Frame frame = new Frame("rfbridge bench " + mode);
        frame.setUndecorated(true);
        frame.setBounds(0, 0, width, height);
        frame.setBackground(Color.BLACK);
        frame.setIgnoreRepaint(!mode.equals("click"));
        if (mode.equals("click")) {
            frame.addMouseListener(new MouseAdapter() {
                @Override
                public void mousePressed(MouseEvent e) {
                    square(frame, e.getX(), e.getY(), Color.WHITE);
                }

                @Override
                public void mouseReleased(MouseEvent e) {
                    square(frame, e.getX(), e.getY(), Color.BLACK);
                }
            });
        }
        frame.setVisible(true);
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // wait for the pipe to close
                }
            } catch (Exception ignored) {
                // closed
            }
            System.exit(0);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        Thread.sleep(500);
        switch (mode) {
            case "noise" -> noise(frame, width, height);
            case "photo" -> photo(frame, width, height);
            case "scroll" -> scroll(frame, width, height);
            case "click" -> fill(frame, Color.BLACK);
            default -> throw new IllegalArgumentException("mode " + mode);
        }
        Thread.currentThread().join();
    }

    private static void fill(Frame frame, Color colour) {
        Graphics g = frame.getGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, frame.getWidth(), frame.getHeight());
        g.dispose();
        Toolkit.getDefaultToolkit().sync();
    }

    private static void square(Frame frame, int x, int y, Color colour) {
        Graphics g = frame.getGraphics();
        g.setColor(colour);
        g.fillRect(x - 24, y - 24, 48, 48);
        g.dispose();
        Toolkit.getDefaultToolkit().sync();
    }

    private static void noise(Frame frame, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        long seed = System.nanoTime() | 1;
        Graphics g = frame.getGraphics();
        while (true) {
            for (int i = 0; i < pixels.length; i++) {
                seed ^= seed << 13;
                seed ^= seed >>> 7;
                seed ^= seed << 17;
                pixels[i] = (int) seed;
            }
            g.drawImage(image, 0, 0, null);
            Toolkit.getDefaultToolkit().sync();
        }
    }

    /**
     * A changing photo-like picture (smooth colour with grain, where Tight servers choose JPEG): eight frames in
     * turn, every pixel changing from one to the next.
     */
    private static void photo(Frame frame, int width, int height) throws InterruptedException {
        BufferedImage[] frames = new BufferedImage[8];
        java.util.Random grain = new java.util.Random(42);
        for (int f = 0; f < frames.length; f++) {
            frames[f] = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            int[] pixels = ((DataBufferInt) frames[f].getRaster().getDataBuffer()).getData();
            double phase = f * 0.7;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int n = grain.nextInt(13) - 6;
                    int r = clamp((int) (128 + 90 * Math.sin(x / 53.0 + y / 71.0 + phase)) + n);
                    int gr = clamp((int) (128 + 90 * Math.sin(x / 91.0 - y / 37.0 - phase)) + n);
                    int b = clamp((int) (128 + 90 * Math.cos((x + y) / 77.0 + 2 * phase)) + n);
                    pixels[y * width + x] = r << 16 | gr << 8 | b;
                }
            }
        }
        Graphics g = frame.getGraphics();
        for (long i = 0; ; i++) {
            g.drawImage(frames[(int) (i % frames.length)], 0, 0, null);
            Toolkit.getDefaultToolkit().sync();
            Thread.sleep(5);
        }
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }

    private static void scroll(Frame frame, int width, int height) throws InterruptedException {
        int step = 8;
        Graphics g = frame.getGraphics();
        g.setColor(new Color(0x202428));
        g.fillRect(0, 0, width, height);
        long line = 0;
        long next = System.nanoTime();
        while (true) {
            g.copyArea(0, step, width, height - step, 0, -step);
            g.setColor(new Color(0x202428));
            g.fillRect(0, height - step, width, step);
            // A "line of text": blocks whose pattern changes each strip, so the strip is never a repeat.
            g.setColor(new Color(Color.HSBtoRGB((line % 360) / 360f, 0.5f, 0.9f)));
            for (int x = 8; x < width - 16; x += 12) {
                if (((x * 31 + line * 17) % 7) < 5) {
                    g.fillRect(x, height - step + 1, 9, step - 2);
                }
            }
            line++;
            Toolkit.getDefaultToolkit().sync();
            next += 16_666_667L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } else {
                next = System.nanoTime();
            }
        }
    }
}
