package dk.fsc.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

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

    private final ChromeDriver driver;
    private final String baseUrl;
    private String lastChecked = "";

    public Browser(int port) {
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
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        this.baseUrl = "http://localhost:" + port;
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        checkAccessibility();
        return this;
    }

    /**
     * Runs axe-core on the page as it is now and fails on any WCAG 2.1 A or AA violation, naming
     * each rule and the elements that break it. A page unchanged since the last check is not checked again, nor
     * the Swagger UI: third-party, and named in the accessibility statement as not tested.
     */
    public Browser checkAccessibility() {
        if (driver.getCurrentUrl().contains("/swagger-ui/")) {
            return this;
        }
        String page = (String) driver.executeScript(
                "return location.href + '|' + document.documentElement.outerHTML.length + '|'"
                        + " + [...document.documentElement.outerHTML].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0);");
        if (page.equals(lastChecked)) {
            return this;
        }
        List<Rule> violations = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver).getViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("Accessibility violations on " + driver.getCurrentUrl() + ":\n"
                    + violations.stream().map(rule -> "- " + rule.getId() + ": " + rule.getHelp() + " at "
                            + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                                    .collect(Collectors.joining(", ")))
                            .collect(Collectors.joining("\n")));
        }
        lastChecked = page;
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
        java.util.List<String> refused;
        try {
            refused = refusedByContentSecurityPolicy();
        } finally {
            driver.quit();
        }
        if (!refused.isEmpty()) {
            throw new AssertionError("The content security policy refused: " + refused);
        }
    }
}
