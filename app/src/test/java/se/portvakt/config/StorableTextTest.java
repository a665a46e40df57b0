package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StorableTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain                   | Anna Andersson       | -1
            Swedish and Finnish     | Åsa Öberg, Äänekoski | -1
            an emoji (a pair)       | möte \uD83D\uDE00 idag | -1
            NUL                     | Anna\u0000x          | 4
            bell                    | x\u0007y             | 1
            escape                  | x\u001B[31m          | 1
            DEL                     | a\u007F              | 1
            C1 control              | a\u0085              | 1
            lone high surrogate     | ab\uD83D             | 2
            lone low surrogate      | \uDE00ab             | 0
            reversed pair           | \uDE00\uD83D         | 0
            """)
    void findsTheFirstCharacterNoDatabaseStoresAsTyped(String name, String text, int index) {
        assertThat(StorableText.firstUnstorable(text)).isEqualTo(index);
        assertThat(StorableText.storable(text)).isEqualTo(index < 0);
    }

    @Test
    void keepsTabsAndLineBreaks() {
        assertThat(StorableText.storable("rad 1\r\nrad 2\tkolumn")).isTrue();
        assertThat(StorableText.storable(null)).isTrue();
    }

    record Row(String name, String email) {}

    record Form(String title, Integer version, List<Row> rows, Map<String, Object> other) {}

    @Test
    void namesEveryUnstorableFieldOfAFormByItsPath() {
        Form form = new Form(
                "Möte\u0000",
                3,
                List.of(new Row("Anna", "anna@example.se"), new Row("Bo\uD800", null)),
                Map.of("ignored", "\u0000"));
        assertThat(StorableText.unstorableFields(form)).containsExactly("title", "rows[1].name");
        assertThat(StorableText.unstorableFields(new Form("Möte", null, null, null)))
                .isEmpty();
    }
}
