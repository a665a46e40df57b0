package se.portvakt.meeting;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.portvakt.Browser;

/**
 * The meeting room as a person uses it: a side panel is opened with its toolbar button (on a phone from the "more"
 * menu first), reactions from their pop-up, and a host leaves or ends through the leave dialog.
 */
public final class RoomPage {

    private RoomPage() {}

    /** Opens the named side panel (participants, chat, waiting) unless it is open already. */
    public static void openPanel(Browser browser, String panel) {
        WebElement toggle = browser.find("[data-panel-toggle=" + panel + "]");
        if ("true".equals(toggle.getAttribute("aria-expanded"))) {
            return;
        }
        if (!toggle.isDisplayed()) {
            browser.find("[data-more]").click();
        }
        wait(browser, "the " + panel + " button", () -> toggle.isDisplayed());
        toggle.click();
        wait(
                browser,
                "the " + panel + " panel",
                () -> browser.find("[data-panel=" + panel + "]").isDisplayed());
    }

    /** Sends a reaction from the reactions pop-up. */
    public static void react(Browser browser, String reaction) {
        WebElement toggle = browser.find("[data-reactions-toggle]");
        if (!toggle.isDisplayed()) {
            browser.find("[data-more]").click();
        }
        wait(browser, "the reactions button", toggle::isDisplayed);
        toggle.click();
        WebElement button = browser.find("[data-react=" + reaction + "]");
        wait(browser, "the reaction " + reaction, button::isDisplayed);
        button.click();
    }

    /** A host leaves the meeting (it goes on for the others) through the leave dialog. */
    public static void hostLeaves(Browser browser) {
        browser.find("[data-leave]").click();
        WebElement leave = browser.find("[data-leave-only]");
        wait(browser, "the leave dialog", leave::isDisplayed);
        leave.click();
    }

    /** A host ends the meeting for everyone through the leave dialog. */
    public static void hostEnds(Browser browser) {
        browser.find("[data-leave]").click();
        WebElement end = browser.find("[data-end]");
        wait(browser, "the leave dialog", end::isDisplayed);
        end.click();
    }

    static void wait(Browser browser, String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }

    static By css(String selector) {
        return By.cssSelector(selector);
    }
}
