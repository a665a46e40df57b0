package se.portvakt;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium with fake camera and microphone, driven by the system's chromedriver:
 * nothing is downloaded at test time. Closed after each test.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final RemoteWebDriver driver;
    private final String baseUrl;

    public Browser(int port) {
        this(port, new String[0]);
    }

    /** @param extraArguments more Chromium switches, e.g. a file for the fake microphone */
    public Browser(int port, String... extraArguments) {
        this("http://localhost:" + port, extraArguments);
    }

    /** @param baseUrl where the pages are, e.g. a TLS proxy's https address in front of Portvakt */
    public Browser(String baseUrl, String... extraArguments) {
        this.baseUrl = baseUrl;
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options(extraArguments));
    }

    /**
     * A browser driven through a chromedriver already running elsewhere, e.g. inside a network namespace of a
     * test's network lab, where Chromium then runs too.
     */
    public Browser(java.net.URL chromedriver, String baseUrl, String... extraArguments) {
        this.baseUrl = baseUrl;
        this.driver = new RemoteWebDriver(chromedriver, options(extraArguments));
    }

    private static ChromeOptions options(String... extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                "--window-size=1280,1000",
                "--lang=sv-SE",
                "--user-data-dir=" + temporaryProfile());
        options.addArguments(extraArguments);
        // a Swedish user's browser asks for Swedish pages (a first visit follows Accept-Language; --lang alone
        // leaves headless Chromium asking for English)
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "sv-SE,sv"));
        return options;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Logs a staff user in with their password, in Swedish, and waits for the portal's start page. */
    public void logIn(String email, String password) {
        open("/login?lang=sv");
        type("#email", email);
        type("#password", password);
        find("button[type=submit]").click();
        find("#rooms-heading");
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a date or time input's value directly: typing into them depends on the browser's locale. */
    public void setValue(String css, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", find(css), value);
    }

    /** The element's text; found again if the page replaced it between finding and reading (a navigation). */
    public String text(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    /**
     * The page has no WCAG 2.1 A or AA violations that axe-core can find. axe gets 90 s of script time (its default
     * is 30): a large page on a loaded two-core machine needs more.
     */
    public void assertAccessible() {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).setTimeout(90).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations)
                .as(() -> driver.getCurrentUrl() + " has accessibility violations:\n"
                        + violations.stream()
                                .map(rule -> rule.getId() + ": " + rule.getHelp() + " at "
                                        + rule.getNodes().stream()
                                                .map(node -> String.valueOf(node.getTarget()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String temporaryProfile() {
        try {
            File profile = Files.createTempDirectory("portvakt-chromium").toFile();
            profile.deleteOnExit();
            return profile.getAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
