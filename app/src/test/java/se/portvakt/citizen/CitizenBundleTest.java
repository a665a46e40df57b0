package se.portvakt.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The help page explains every browser and phone (that English and Finnish have every text too: config.I18nBundlesTest). */
class CitizenBundleTest {

    @Test
    void theHelpPageExplainsEveryBrowserAndPhone() throws IOException {
        Properties texts = load("");
        for (String platform : HelpController.PLATFORMS) {
            assertThat(texts.getProperty("citizen.help." + platform + ".title"))
                    .as(platform)
                    .isNotBlank();
            assertThat(texts.getProperty("citizen.help." + platform + ".steps"))
                    .as(platform)
                    .isNotBlank();
        }
    }

    static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CitizenBundleTest.class.getResourceAsStream("/i18n/citizen" + suffix + ".properties")) {
            assertThat(in).as("i18n/citizen" + suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
