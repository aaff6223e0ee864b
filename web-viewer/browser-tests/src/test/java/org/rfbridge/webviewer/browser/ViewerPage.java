// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.webviewer.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.rfbridge.testharness.ArgbImage;

/** The viewer page in the browser, seen as a user and a test see it: status line, canvas pixels, input. */
final class ViewerPage {

    private static final Duration POLL = Duration.ofMillis(50);

    private final WebDriver driver;

    ViewerPage(WebDriver driver) {
        this.driver = driver;
    }

    /** Opens the page at {@code proxyUrl} with the given query (e.g. "autoconnect=1&scale=none"). */
    ViewerPage open(String proxyUrl, String query) {
        driver.get("about:blank");
        driver.get(proxyUrl + "?" + query);
        return this;
    }

    String status() {
        return driver.findElement(By.id("status")).getText();
    }

    /** Waits until the status line satisfies {@code wanted}; fails with the last status seen. */
    String awaitStatus(Predicate<String> wanted, String what, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = status();
            if (wanted.test(last)) {
                return last;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new AssertionError("status never became " + what + " within " + limit + "; last: \"" + last + "\"");
    }

    String awaitConnected() throws InterruptedException {
        return awaitStatus(s -> s.startsWith("connected to"), "connected", Duration.ofSeconds(15));
    }

    WebDriver driver() {
        return driver;
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The canvas's pixels as opaque ARGB, or null while it has no size. */
    ArgbImage canvas() {
        @SuppressWarnings("unchecked")
        List<Object> result = (List<Object>) script("""
                const c = rfbridge.viewer.canvas;
                if (!c.width || !c.height) return null;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let s = '';
                for (let i = 0; i < d.length; i += 0x8000) s += String.fromCharCode.apply(null, d.subarray(i, i + 0x8000));
                return [c.width, c.height, btoa(s)];""");
        if (result == null) {
            return null;
        }
        int width = ((Number) result.get(0)).intValue();
        int height = ((Number) result.get(1)).intValue();
        byte[] rgba = Base64.getDecoder().decode((String) result.get(2));
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | (rgba[4 * i] & 0xff) << 16 | (rgba[4 * i + 1] & 0xff) << 8 | (rgba[4 * i + 2] & 0xff);
        }
        return ArgbImage.of(width, height, argb);
    }

    /**
     * Polls until the canvas equals what {@code server} returns (read again each time, as the server's
     * screen may still be changing); on failure writes both images next to the test's output.
     */
    void awaitCanvasEquals(Supplier<ArgbImage> server, Duration limit, String name) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        ArgbImage expected = null;
        ArgbImage actual = null;
        while (System.nanoTime() < deadline) {
            expected = server.get();
            actual = canvas();
            if (actual != null && actual.width() == expected.width() && actual.height() == expected.height()
                    && actual.countDifferentPixels(expected) == 0) {
                return;
            }
            Thread.sleep(100);
        }
        Path dir = Path.of("target", "failsafe-reports");
        java.nio.file.Files.createDirectories(dir);
        if (actual != null) {
            actual.writePng(dir.resolve(name + "-canvas.png"));
        }
        expected.writePng(dir.resolve(name + "-server.png"));
        String why = actual == null ? "the canvas has no size"
                : actual.width() != expected.width() || actual.height() != expected.height()
                        ? "canvas " + actual.width() + "x" + actual.height() + ", server " + expected.width() + "x" + expected.height()
                        : actual.describeDifference(expected, 0);
        throw new AssertionError("canvas never equalled the server's screen within " + limit + ": " + why
                + " (images in " + dir.toAbsolutePath() + ")");
    }

    /** Where framebuffer pixel (x, y) is in the viewport, for a canvas shown 1:1 (scale=none). */
    private int[] viewportPoint(int x, int y) {
        @SuppressWarnings("unchecked")
        List<Number> rect = (List<Number>) script("""
                const r = rfbridge.viewer.canvas.getBoundingClientRect();
                return [r.left, r.top];""");
        // The page floors (client - left): the smallest whole client coordinate at or after left + x maps to x.
        return new int[] {
            (int) Math.ceil(rect.get(0).doubleValue() + x),
            (int) Math.ceil(rect.get(1).doubleValue() + y),
        };
    }

    void moveTo(int x, int y) {
        int[] p = viewportPoint(x, y);
        new Actions(driver).moveToLocation(p[0], p[1]).perform();
    }

    void click(int x, int y) {
        int[] p = viewportPoint(x, y);
        new Actions(driver).moveToLocation(p[0], p[1]).click().perform();
    }

    void drag(int x0, int y0, int x1, int y1) {
        int[] from = viewportPoint(x0, y0);
        int[] to = viewportPoint(x1, y1);
        new Actions(driver).moveToLocation(from[0], from[1]).clickAndHold()
                .moveToLocation((from[0] + to[0]) / 2, (from[1] + to[1]) / 2)
                .moveToLocation(to[0], to[1]).release().perform();
    }

    /** Turns the wheel over framebuffer pixel (x, y): positive deltas scroll down and right, in CSS pixels. */
    void wheel(int x, int y, int deltaX, int deltaY) {
        int[] p = viewportPoint(x, y);
        new Actions(driver).scrollFromOrigin(org.openqa.selenium.interactions.WheelInput.ScrollOrigin.fromViewport(p[0], p[1]),
                deltaX, deltaY).perform();
    }

    /** Types into whatever has focus (the canvas, after a click on it). */
    void type(CharSequence text) {
        new Actions(driver).sendKeys(text).perform();
    }
}
