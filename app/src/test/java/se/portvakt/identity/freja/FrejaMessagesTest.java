package se.portvakt.identity.freja;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every message key the provider hands out has a text in Swedish, English and Finnish, and no bundle has extras. */
class FrejaMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"i18n/freja.properties", "i18n/freja_en.properties", "i18n/freja_fi.properties"})
    void eachBundleHoldsExactlyTheProvidersKeys(String bundle) throws Exception {
        Properties texts = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
            texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        List<String> keys = Arrays.stream(FrejaMessages.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()))
                .map(FrejaMessagesTest::value).toList();
        assertThat(texts.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
        texts.values().forEach(text -> assertThat(text.toString()).isNotBlank());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
