package se.portvakt.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The help page explains every browser and phone in each language (that every text exists in every language: config.I18nBundlesTest). */
class CitizenBundleTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "_en", "_fi"})
    void theHelpPageExplainsEveryBrowserAndPhone(String suffix) throws IOException {
        Properties texts = load(suffix);
        for (String platform : HelpController.PLATFORMS) {
            assertThat(texts.getProperty("citizen.help." + platform + ".title")).as(platform).isNotBlank();
            assertThat(texts.getProperty("citizen.help." + platform + ".steps")).as(platform).isNotBlank();
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
