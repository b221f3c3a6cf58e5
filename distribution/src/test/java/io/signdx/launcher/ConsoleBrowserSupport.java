package io.signdx.launcher;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
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
 * The built product started with `signdx serve` in a child process (first start: the demo tenant) and one
 * headless Chromium driving its console, shared by the tests of one class. The driver executable is
 * given, so Selenium Manager never looks for one on the network.
 */
final class ConsoleBrowserSupport implements AutoCloseable {
    static final String ADMIN_PASSWORD = "browser-Test-7";
    private static final Dimension WINDOW = new Dimension(1400, 900);
    private static final ObjectMapper JSON = new ObjectMapper();

    final String base;
    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Process product;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String basic = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private ConsoleBrowserSupport(String base, Process product, Path log, ChromeDriver driver) {
        this.base = base;
        this.product = product;
        this.log = log;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Starts the product in {@code home}, waits until its demo sign-ins are searchable, opens a browser. */
    static ConsoleBrowserSupport start(Path home) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = home.resolve("serve.log");
        Process p = ProductProcess.builder(Map.of("SIGNDX_ADMIN_PASSWORD", ADMIN_PASSWORD), "serve", "--port",
                String.valueOf(port), "--home", home.resolve("product").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String base = "http://127.0.0.1:" + port;
        ChromeDriver driver = null;
        try {
            ConsoleBrowserSupport probe = new ConsoleBrowserSupport(base, p, log, null);
            probe.await("the demo sign-ins are searchable", Duration.ofSeconds(180), () -> {
                JsonNode page = probe.tryApi("/api/signins?limit=1");
                return page != null && page.path("items").size() > 0;
            });
            driver = browser(home.resolve("chromium-profile"));
            return new ConsoleBrowserSupport(base, p, log, driver);
        } catch (Exception | AssertionError e) {
            if (driver != null) {
                driver.quit();
            }
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError(e.getMessage() + "\n--- serve log ---\n" + tail(log), e);
        }
    }

    private static ChromeDriver browser(Path profile) throws IOException {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=en-US", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight());
        // an alert is left open so a test can see that none appeared
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(WINDOW);
        return driver;
    }

    /** Opens a console route, e.g. {@code /signins?q=x}, and waits until the page replaced "Loading". */
    void open(String route) {
        String url = base + "/ui/#" + route;
        markPage();
        if (url.equals(driver.getCurrentUrl())) {
            driver.navigate().refresh(); // the same address again would not render the page anew
        } else {
            driver.get(url); // often only the hash changes: the app renders the new page without a reload
        }
        waitForPage();
    }

    /** Remembers the page shown now, so that {@link #waitForPage()} waits for the next one. */
    void markPage() {
        js("window.__signdxShown = document.querySelector('main .page');");
    }

    /** Waits until a page other than the marked one is shown and has nothing left loading. */
    void waitForPage() {
        wait.until(d -> Boolean.TRUE.equals(js("const p = document.querySelector('main .page');"
                + " return !!p && p !== window.__signdxShown && p.dataset.ready === 'true' && !p.querySelector('.loading');")));
    }

    /** Signs in through the login page (after dropping any session) and waits for the app shell. */
    void login(String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/ui/login.html");
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> d.getCurrentUrl().contains("/ui/") && !d.getCurrentUrl().contains("login.html"));
        wait.until(ExpectedConditions.textToBe(By.id("who-name"), user));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a screenshot of the page (at most 2,400 px of it) when a folder is configured. */
    void screenshot(String name) throws IOException {
        screenshot(name, 2400);
    }

    /**
     * Saves a screenshot of the top of the page, down to {@code maxHeight} CSS pixels, into the folder the
     * system property {@code signdx.screenshots} names (default {@code target/screenshots}). Chromium's
     * own capture beyond the viewport (a DevTools command chromedriver forwards) takes the whole page.
     */
    void screenshot(String name, int maxHeight) throws IOException {
        Path folder = Path.of(System.getProperty("signdx.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        js("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur && document.activeElement.blur();");
        long height = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", WINDOW.getWidth(),
                "height", Math.min(height, maxHeight), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(folder.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Console messages that mean something is broken: CSP refusals and uncaught script errors. */
    List<String> scriptProblems() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            String m = e.getMessage();
            if (m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("SyntaxError")
                    || m.contains("TypeError") || m.contains("ReferenceError")) {
                out.add(m);
            }
        }
        return out;
    }

    /** GET on the REST API as the admin script user (HTTP Basic). */
    JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private JsonNode tryApi(String path) {
        try {
            return api(path);
        } catch (IOException | AssertionError e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!product.isAlive()) {
                throw new AssertionError("the product stopped while waiting until " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }

    String serveLog() {
        return tail(log);
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Keeps what the browser showed when a test failed: target/browser-failures/<test>.png and .txt. */
    TestWatcher failureRecorder() {
        return new TestWatcher() {
            @Override
            public void testFailed(ExtensionContext context, Throwable cause) {
                try {
                    Path dir = Files.createDirectories(Path.of("target/browser-failures"));
                    String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
                    Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
                    Files.writeString(dir.resolve(name + ".txt"), driver.getCurrentUrl() + "\n\n"
                            + driver.findElement(By.tagName("body")).getText() + "\n\n--- browser log ---\n"
                            + String.join("\n", driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                                    .map(LogEntry::getMessage).toList()));
                } catch (IOException | RuntimeException e) {
                    cause.addSuppressed(e);
                }
            }
        };
    }

    @Override
    public void close() throws InterruptedException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            product.destroy(); // SIGTERM: the shutdown hook stops the framework
            if (!product.waitFor(30, TimeUnit.SECONDS)) {
                product.destroyForcibly();
            }
        }
    }
}
