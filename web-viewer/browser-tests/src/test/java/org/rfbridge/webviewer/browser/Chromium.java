// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.webviewer.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.rfbridge.testharness.SystemPrograms;

/**
 * Debian's headless Chromium under chromedriver, with both paths given so Selenium Manager never
 * downloads anything. One per test class: starting a browser costs seconds.
 */
final class Chromium implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts the browser, or skips the calling test when chromium or chromedriver is missing. */
    static Chromium start(int width, int height) throws IOException {
        return start(width, height, new String[0]);
    }

    /** As {@link #start(int, int)}, with more command-line switches (e.g. {@code --force-device-scale-factor=2}). */
    static Chromium start(int width, int height, String... switches) throws IOException {
        String browser = SystemPrograms.require("chromium", "chromium");
        String chromedriver = SystemPrograms.require("chromedriver", "chromium-driver");
        System.setProperty("webdriver.chrome.driver", chromedriver);
        Path profile = Files.createTempDirectory("rfbridge-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        options.addArguments(switches);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Chromium(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
