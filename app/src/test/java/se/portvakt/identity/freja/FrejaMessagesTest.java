package se.portvakt.identity.freja;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every message key the provider hands out has a text, and the bundle has no extras (that English and Finnish have
 * the same keys, none blank: config.I18nBundlesTest).
 */
class FrejaMessagesTest {

    @Test
    void theBundleHoldsExactlyTheProvidersKeys() throws Exception {
        Properties texts = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("i18n/freja.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> keys = Arrays.stream(FrejaMessages.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()))
                .map(FrejaMessagesTest::value)
                .toList();
        assertThat(texts.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
