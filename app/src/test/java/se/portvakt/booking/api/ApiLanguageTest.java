package se.portvakt.booking.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiLanguageTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "null                     | sv",
                "''                       | sv",
                "en                       | en",
                "en-GB,en;q=0.9,sv;q=0.5  | en",
                "fi-FI                    | fi",
                "sv-SE,en;q=0.8           | sv",
                "de,en;q=0.5              | en",
                "en;q=0,fi;q=0.5          | fi",
                "de,nb                    | sv",
                "*                        | sv",
                "en;q=nonsense            | sv"
            })
    void choosesTheBestOfSwedishEnglishAndFinnish(String acceptLanguage, String expected) {
        assertThat(ApiLanguage.of(acceptLanguage).getLanguage()).isEqualTo(expected);
    }
}
