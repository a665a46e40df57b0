package se.portvakt.equipment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.portvakt.Browser;

/** Driving /testa in the browser tests: run the network test, wait for its verdict, take screenshots. */
final class EquipmentPages {

    private EquipmentPages() {}

    /** Presses "test the connection" and waits (up to 90 s on a loaded machine) for the verdict; returns its text. */
    static String runNetworkTest(Browser browser) {
        browser.find("[data-network-start]").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(90))
                .withMessage(() -> "no verdict; the page says: " + browser.text("main"))
                .until(d -> "done"
                                .equals(d.findElement(By.cssSelector("[data-equipment-test]"))
                                        .getDomAttribute("data-network"))
                        && !d.findElement(By.cssSelector("[data-network-start]"))
                                .getDomProperty("disabled")
                                .equals("true"));
        return browser.text("[data-verdict]");
    }

    static String measured(Browser browser, String what) {
        return browser.text("[data-measure=" + what + "]");
    }

    /** The page at a desktop's and a phone's size, under app/target/screenshots. */
    static void screenshots(Browser browser, String name) {
        for (Dimension size : new Dimension[] {new Dimension(1280, 800), new Dimension(390, 844)}) {
            browser.driver().manage().window().setSize(size);
            // the result is what matters: the connection section at the top of the window
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('network-heading').scrollIntoView({block: 'start'})");
            try {
                Path target = Path.of("target", "screenshots", name + "-" + size.width + "x" + size.height + ".png");
                Files.createDirectories(target.getParent());
                Files.write(target, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }
}
