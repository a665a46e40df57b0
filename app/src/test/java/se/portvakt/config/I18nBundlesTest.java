package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message bundle the service uses (spring.messages.basename) speaks Swedish, English and Finnish alike: the
 * same keys, no blank text, every pattern parses and uses the same arguments as the Swedish one, so no page shows a
 * key, a stray brace or a missing name in one language only.
 */
class I18nBundlesTest {

    private static final List<String> LANGUAGES = List.of("_en", "_fi");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

    static Stream<String> bundles() throws IOException {
        Properties application = load("/application.properties");
        return Stream.of(application.getProperty("spring.messages.basename").split(","))
                .map(String::trim);
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyBundleHasTheSameKeysAndArgumentsInEveryLanguage(String bundle) throws IOException {
        Properties swedish = load("/" + bundle + ".properties");
        assertThat(swedish.stringPropertyNames()).as(bundle).isNotEmpty();
        for (String language : LANGUAGES) {
            Properties other = load("/" + bundle + language + ".properties");
            assertThat(other.stringPropertyNames())
                    .as(bundle + language + " against the Swedish keys")
                    .containsExactlyInAnyOrderElementsOf(swedish.stringPropertyNames());
            for (String key : swedish.stringPropertyNames()) {
                assertThat(arguments(other.getProperty(key)))
                        .as(bundle + language + ": " + key)
                        .isEqualTo(arguments(swedish.getProperty(key)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void noTextIsBlankAndEveryPatternParses(String bundle) throws IOException {
        for (String language : List.of("", "_en", "_fi")) {
            Properties texts = load("/" + bundle + language + ".properties");
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                assertThat(text).as(bundle + language + ": " + key).isNotBlank();
                if (text.contains("{")) {
                    new MessageFormat(text); // throws IllegalArgumentException on an unbalanced or bad pattern
                }
            }
        }
    }

    private static Set<Integer> arguments(String text) {
        Set<Integer> indices = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(text == null ? "" : text);
        while (matcher.find()) {
            indices.add(Integer.parseInt(matcher.group(1)));
        }
        return indices;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
