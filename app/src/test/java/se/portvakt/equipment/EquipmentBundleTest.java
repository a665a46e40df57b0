package se.portvakt.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The equipment test speaks Swedish, English and Finnish: every text in every language, same placeholders. */
class EquipmentBundleTest {

    @ParameterizedTest
    @ValueSource(strings = {"_en", "_fi"})
    void everyTextExistsInEveryLanguageWithTheSamePlaceholders(String suffix) throws IOException {
        Properties swedish = load("");
        Properties other = load(suffix);

        assertThat(other.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(swedish.stringPropertyNames());
        for (String key : swedish.stringPropertyNames()) {
            assertThat(placeholders(other.getProperty(key))).as(key).isEqualTo(placeholders(swedish.getProperty(key)));
        }
    }

    static java.util.Set<String> placeholders(String text) {
        return java.util.regex.Pattern.compile("\\{\\d+}").matcher(text).results()
                .map(java.util.regex.MatchResult::group).collect(java.util.stream.Collectors.toSet());
    }

    static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EquipmentBundleTest.class.getResourceAsStream("/i18n/equipment" + suffix + ".properties")) {
            assertThat(in).as("i18n/equipment" + suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
