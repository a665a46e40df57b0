package se.portvakt.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.portvakt.booking.AssuranceLevel;

class InvitationBundleTest {

    /** That English and Finnish have the same keys, none blank, every pattern parsing: config.I18nBundlesTest. */
    @Test
    void everyNoticeAndLevelHasItsTexts() throws IOException {
        Properties texts = load("");
        for (Notice notice : Notice.values()) {
            for (String kind : new String[] {"subject", "intro", "sms"}) {
                assertThat(texts.getProperty("invitation." + kind + "." + notice.name()))
                        .as(kind + " " + notice)
                        .isNotBlank();
            }
        }
        for (AssuranceLevel level : AssuranceLevel.values()) {
            assertThat(texts.getProperty("invitation.join.level." + level.name()))
                    .isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_en", "_fi"})
    void theDateAndTimePatternsParseInEveryLanguage(String suffix) throws IOException {
        Properties texts = load(suffix);
        DateTimeFormatter.ofPattern(texts.getProperty("invitation.date-pattern"), Locale.ROOT);
        DateTimeFormatter.ofPattern(texts.getProperty("invitation.sms.time-pattern"), Locale.ROOT);
    }

    @Test
    void theDevMailboxSaysPlainlyThatNothingIsSent() throws IOException {
        assertThat(load("").getProperty("invitation.mailbox.notice"))
                .isEqualTo("Utvecklarbrevlåda – meddelanden skickas inte på riktigt");
    }

    private static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in =
                InvitationBundleTest.class.getResourceAsStream("/i18n/invitation" + suffix + ".properties")) {
            assertThat(in).as("i18n/invitation" + suffix + ".properties").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
