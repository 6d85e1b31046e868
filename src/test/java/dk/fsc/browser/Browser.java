package dk.fsc.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
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
 * Debian's Chromium, headless, driven through Debian's chromedriver: no tool downloads a
 * browser of its own. Journeys log in through the real form like a user. Every page a journey
 * opens or waits on is checked with axe-core against WCAG 2.1 A and AA, and a violation fails
 * the journey. Closing fails when the browser refused anything by the content security policy:
 * every journey proves that its pages and htmx need no inline script or style.
 */
public final class Browser implements AutoCloseable {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** Browsers a closed journey left, logged out and emptied, for the next journey: Chromium starts slowly. */
    private static final Queue<ChromeDriver> IDLE = new ConcurrentLinkedQueue<>();

    /** axe-core as the axe-core/selenium jar ships it, put into a page once and run there directly. */
    private static final String AXE_SOURCE = axeSource();

    /**
     * The page's shape: its address and its elements with their attributes, with each text, form value and
     * link target reduced to whether it is empty. Two pages of one shape differ only in words and values,
     * which no WCAG rule axe checks depends on, so the second needs no check of its own (a CSRF token or a
     * date in a form does not make the login page new).
     */
    private static final String PAGE_SHAPE = """
            const masked = ['value', 'href', 'action', 'content', 'datetime'];
            const shape = node => node.nodeType === 3 ? (node.nodeValue.trim() ? 'T' : '')
                : node.nodeType !== 1 ? ''
                : '<' + node.tagName + [...node.attributes].map(a => ' ' + a.name + '='
                    + (masked.includes(a.name) ? (a.value ? 'V' : '') : a.value)).join('')
                    + '>' + [...node.childNodes].map(shape).join('') + '</>';
            const text = shape(document.documentElement);
            let hash = 0;
            for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
            return location.pathname + location.search + '|' + text.length + '|' + hash;""";

    private static final java.util.Set<String> CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Runs axe on the page for WCAG 2.1 A and AA and answers only the violations, each as one line: the
     * passes of a large page, sent back through the driver, would cost more than the check itself.
     */
    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                .then(result => done(result.violations.map(rule => '- ' + rule.id + ': ' + rule.help + ' at '
                    + rule.nodes.map(node => node.target.join(' ')).join(', '))))
                .catch(error => done(['axe failed: ' + error]));""";

    private final ChromeDriver driver;
    private final String baseUrl;

    public Browser(int port) {
        ChromeDriver idle = IDLE.poll();
        this.driver = idle != null ? idle : startChromium();
        this.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        this.baseUrl = "http://localhost:" + port;
    }

    private static ChromeDriver startChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=da");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getenv().getOrDefault("SE_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .build();
        ChromeDriver started = new ChromeDriver(service, options);
        started.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        Runtime.getRuntime().addShutdownHook(new Thread(started::quit));
        return started;
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        checkAccessibility();
        return this;
    }

    /**
     * Runs axe-core on the page as it is now and fails on any WCAG 2.1 A or AA violation, naming
     * each rule and the elements that break it. A page of a shape already checked in this test run is not
     * checked again, nor the Swagger UI: third-party, and named in the accessibility statement as not tested.
     */
    public Browser checkAccessibility() {
        if (driver.getCurrentUrl().contains("/swagger-ui/")) {
            return this;
        }
        String page = (String) driver.executeScript(PAGE_SHAPE);
        if (CHECKED.contains(page)) {
            return this;
        }
        if (Boolean.FALSE.equals(driver.executeScript("return typeof axe !== 'undefined';"))) {
            driver.executeScript(AXE_SOURCE);
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) driver.executeAsyncScript(RUN_AXE, WCAG_21_AA);
        if (!violations.isEmpty()) {
            throw new AssertionError("Accessibility violations on " + driver.getCurrentUrl() + ":\n"
                    + String.join("\n", violations));
        }
        CHECKED.add(page);
        return this;
    }

    public Browser logIn(String user, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        checkAccessibility();
        return this;
    }

    /** Logs out with the header's button, as a user would. */
    public Browser logOut() {
        driver.findElement(By.cssSelector(".session form button[type=submit]")).click();
        return waitForUrlEnding("/login?logout");
    }

    /** Resizes the window, e.g. to a phone's 390 × 844. */
    public Browser windowSize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public java.util.List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public WebElement waitFor(By by) {
        WebElement shown = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
        checkAccessibility();
        return shown;
    }

    /**
     * Waits until an element with this text is shown, found afresh each time, so a message the
     * page showed before a form was sent (and that an htmx swap or a new page replaces) is not taken
     * for the answer; returns the element's whole text.
     */
    public String waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        checkAccessibility();
        return driver.findElement(by).getText();
    }

    /** Runs JavaScript in the page, e.g. to mark it and later see that htmx swapped a part instead of loading a new page. */
    public Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    /** Waits until exactly {@code count} elements match, e.g. after htmx swapped a list. */
    public java.util.List<WebElement> waitForCount(By by, int count) {
        java.util.List<WebElement> found = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.numberOfElementsToBe(by, count));
        checkAccessibility();
        return found;
    }

    /** Waits until the browser has gone to a page whose address ends with {@code suffix}. */
    public Browser waitForUrlEnding(String suffix) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*" + Pattern.quote(suffix) + "$"));
        checkAccessibility();
        return this;
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    /** Sets an input's value as a script would, e.g. a date whatever the browser's date format. */
    public Browser setValue(By by, String value) {
        driver.executeScript("arguments[0].value = arguments[1]", driver.findElement(by), value);
        return this;
    }

    /** When the page scrolls sideways: the elements wider than the window, as tag#id.class; else empty. */
    public java.util.List<String> overflowing() {
        @SuppressWarnings("unchecked")
        java.util.List<String> wide = (java.util.List<String>) driver.executeScript("""
                const w = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= w) return [];
                return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
                    .map(e => e.tagName + '#' + e.id + '.' + e.className);""");
        return wide;
    }

    /** Resizes the window, e.g. to a phone's width. */
    public Browser size(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return this;
    }

    /** Saves what the user sees to target/screenshots/NAME.png. */
    public void screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the browser has refused by the content security policy since the last call, as its console said it. */
    public java.util.List<String> refusedByContentSecurityPolicy() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    @Override
    public void close() {
        java.util.List<String> refused = refusedByContentSecurityPolicy();
        if (driver.getCurrentUrl().startsWith(baseUrl)) {
            driver.executeScript("localStorage.clear(); sessionStorage.clear();");
        }
        driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        driver.get("about:blank");
        IDLE.add(driver);
        if (!refused.isEmpty()) {
            throw new AssertionError("The content security policy refused: " + refused);
        }
    }

    private static String axeSource() {
        try (var in = Browser.class.getResourceAsStream("/axe.min.js")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
