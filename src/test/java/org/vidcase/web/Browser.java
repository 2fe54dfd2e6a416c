package org.vidcase.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver. Missing binaries fail the test run with
 * the command that installs them (CI installs them; see the README); only an explicit
 * {@code -Dvidcase.browser-tests=skip} skips the browser tests, for a local run without Chromium.
 */
final class Browser implements AutoCloseable {

    static final String SKIP_PROPERTY = "vidcase.browser-tests";
    private static final Path CHROMIUM = Paths.get(System.getProperty("vidcase.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Paths.get(System.getProperty("vidcase.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Paths.get("target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    final ChromeDriver driver;
    private final Path profile;
    private final List<String> consoleErrors = new ArrayList<>();
    private int shots;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Keeps a screenshot and the page's text of a failed test; register it with
     * {@code @RegisterExtension static final TestWatcher ON_FAILURE = Browser.keepOnFailure(() -> browser, "prefix-")}.
     */
    static org.junit.jupiter.api.extension.TestWatcher keepOnFailure(java.util.function.Supplier<Browser> current,
                                                                      String prefix) {
        return new org.junit.jupiter.api.extension.TestWatcher() {
            @Override
            public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
                Browser browser = current.get();
                if (browser != null) {
                    browser.screenshot("FAILED-" + prefix + context.getRequiredTestMethod().getName());
                    System.out.println("Browser at " + browser.driver.getCurrentUrl() + " showing:\n"
                            + browser.driver.findElement(By.tagName("body")).getText());
                }
            }
        };
    }

    /**
     * A browser for the suite's own server at {@code base} (the test is skipped when the browser
     * tests are): the server's origin is allowed at the realm's web client first.
     */
    static Browser forSuiteServer(String base) {
        org.junit.jupiter.api.Assumptions.assumeFalse(skipped(), "browser tests skipped with -D" + SKIP_PROPERTY + "=skip");
        org.vidcase.localstack.KeycloakAdmin.connect().allowOrigin("vid", "vidcase-web", base);
        return start(1280, 800);
    }

    /** After a class's tests: the authenticators the run enrolled are removed, then the browser closed. */
    static void closeAfterAll(Browser browser) {
        WebSignIn.forgetAll();
        if (browser != null) {
            browser.close();
        }
    }

    static boolean skipped() {
        return "skip".equals(System.getProperty(SKIP_PROPERTY));
    }

    /** Fails with the fix when Chromium or its driver is missing. */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The browser tests need Debian's Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (.ci/run does this), or skip "
                    + "these tests locally with -D" + SKIP_PROPERTY + "=skip");
        }
    }

    static Browser start(int width, int height) {
        requireChromium();
        try {
            Path profile = Files.createTempDirectory("vidcase-chromium");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--disable-features=Translate,OptimizationHints,MediaRouter",
                    "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=en-GB");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, height));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            Files.createDirectories(SCREENSHOTS);
            try (var old = Files.newDirectoryStream(SCREENSHOTS, "*.png")) {
                for (Path shot : old) {
                    Files.delete(shot); // this run's screens only
                }
            }
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement clickable(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by));
    }

    void click(By by) {
        clickable(by).click();
    }

    void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the page's text contains {@code text}; answers the element that holds it. */
    void waitForText(By within, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(within, text));
    }

    void waitFor(java.util.function.Function<ChromeDriver, Boolean> condition, String what) {
        new WebDriverWait(driver, WAIT).withMessage(what).until(d -> condition.apply((ChromeDriver) d));
    }

    String mainText() {
        return find(By.id("main")).getText();
    }

    /** The page's route (after #). */
    String route() {
        String url = driver.getCurrentUrl();
        int hash = url.indexOf('#');
        return hash < 0 ? "" : url.substring(hash + 1);
    }

    /** Keys sent to the page itself (not a field), as a user types on the keyboard. */
    void press(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Keeps a screenshot of the page as target/screenshots/NN-name.png. */
    Path screenshot(String name) {
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shots, name));
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core on the page and fails on any serious or critical violation, naming the rule,
     * its help and the elements.
     */
    @SuppressWarnings("unchecked")
    void assertAccessible(String screen) {
        if (script("return typeof window.axe") .equals("undefined")) {
            script(axeSource());
        }
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done({violations: r.violations.map(v => "
                        + "({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))}))"
                        + ".catch(e => done({error: String(e)}));");
        assertThat(result).as("axe-core on %s", screen).doesNotContainKey("error");
        List<Map<String, Object>> serious = ((List<Map<String, Object>>) result.get("violations")).stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))).toList();
        assertThat(serious).as("serious or critical accessibility violations on %s", screen).isEmpty();
    }

    private static String axeSource() {
        String path = "META-INF/resources/webjars/axe-core/" + System.getProperty("vidcase.axe-version", "4.6.3") + "/axe.min.js";
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("axe-core is not on the test class path at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Script errors and refusals by the content security policy the page logged since the last
     * call (failed requests are left out: a 401 before a step-up sign-in is expected).
     */
    List<String> drainConsoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !message.contains("Failed to load resource")) {
                consoleErrors.add(message);
            }
        }
        List<String> errors = List.copyOf(consoleErrors);
        consoleErrors.clear();
        return errors;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile; the system cleans up
            }
        }
    }
}
