package io.financehub.support;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Debian's {@code chromium}, headless, driven through Debian's {@code chromium-driver}. Both come from the system
 * (the paths below): Selenium Manager, which would download a browser and a driver, is never asked, since the
 * machines that run the tests reach only the package registries. {@code .ci/run} installs the two packages.
 */
public final class HeadlessChromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * A new browser with a profile of its own. Fails, never skips, when a binary is missing: a browser test that
     * silently does not run would hide a broken hawtio.
     */
    public static ChromeDriver start() {
        for (Path binary : new Path[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: install the Debian packages chromium and "
                        + "chromium-driver (.ci/run installs them: apt-get install chromium chromium-driver)");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                // the tests run as root, where Chromium's sandbox cannot start
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // nothing but the hub is reachable: no update checks, sync or QUIC probes that would wait on a timeout
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + newProfile(),
                // a fixed size, so the screenshots look the same on every machine; tall enough for a route diagram
                "--window-size=1600,1300");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Sends HTTP Basic credentials with every request of the page, its scripts' fetches included, as a browser does
     * once a person has answered the hub's Basic challenge (the hub keeps no session: each request carries them).
     */
    public static void sendBasicCredentials(ChromeDriver browser, String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + token)));
    }

    /** Saves what the browser shows now as a PNG, creating the folder. */
    public static Path screenshot(ChromeDriver browser, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File newProfile() {
        try {
            // under target/, so the build's clean removes every profile
            Path profiles = Files.createDirectories(Path.of("target", "chromium-profiles"));
            return Files.createTempDirectory(profiles, "profile-").toAbsolutePath().toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
