// SPDX-License-Identifier: Apache-2.0

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Click-to-pixel latency of whatever VNC viewer shows the rfbridge demo desktop on this X display (run with
 * DISPLAY set to the viewers' display: {@code java LatencyProbe.java SAMPLES}). It finds the demo's drawing
 * surface on the screen by its colour, clicks a fresh spot in it with the X test extension, and times how long
 * until the screen pixel under the pointer changes: the click travels viewer -> server, the server paints a dot,
 * the dot travels back and the viewer draws it. The same probe measures every viewer the same way. Not part of
 * the build.
 */
public final class LatencyProbe {
    private static final int SURFACE = 0xF5F5F0;

    private LatencyProbe() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Robot robot = new Robot();
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        BufferedImage shot = robot.createScreenCapture(screen);
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                if ((shot.getRGB(x, y) & 0xFFFFFF) == SURFACE) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX - minX < 100 || maxY - minY < 40) {
            System.out.println("latency: no drawing surface on the screen");
            System.exit(1);
        }
        // Button 3 in the surface clears it: earlier dots would hide new ones.
        robot.mouseMove((minX + maxX) / 2, (minY + maxY) / 2);
        Thread.sleep(150);
        robot.mousePress(InputEvent.BUTTON3_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON3_DOWN_MASK);
        Thread.sleep(500);
        List<Double> millis = new ArrayList<>();
        int x = minX + 20;
        int y = minY + 20;
        for (int i = 0; i < samples; i++) {
            robot.mouseMove(x, y);
            Thread.sleep(150);
            Color before = robot.getPixelColor(x, y);
            long start = System.nanoTime();
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
            long deadline = start + 2_000_000_000L;
            while (robot.getPixelColor(x, y).equals(before) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (System.nanoTime() < deadline) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
            x += 12;
            if (x > maxX - 20) {
                x = minX + 20;
                y += 12;
                if (y > maxY - 20) {
                    y = minY + 20;
                }
            }
            Thread.sleep(100);
        }
        if (millis.isEmpty()) {
            System.out.println("latency: no click ever showed");
            System.exit(1);
        }
        Collections.sort(millis);
        System.out.printf(java.util.Locale.ROOT, "latency: median %.1f ms, p90 %.1f ms, min %.1f ms, %d of %d clicks%n",
                millis.get(millis.size() / 2), millis.get(Math.min(millis.size() - 1, (int) (millis.size() * 0.9))),
                millis.get(0), millis.size(), samples);
    }
}
