package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void theBrowsersMostPreferredOfOurLanguagesWins() {
        assertThat(Languages.fromAcceptLanguage("fi-FI,fi;q=0.9,en;q=0.8").getLanguage())
                .isEqualTo("fi");
        assertThat(Languages.fromAcceptLanguage("de-DE,de;q=0.9,en-GB;q=0.8,sv;q=0.7")
                        .getLanguage())
                .isEqualTo("en");
        assertThat(Languages.fromAcceptLanguage("en;q=0.5, sv-SE").getLanguage())
                .isEqualTo("sv");
    }

    @Test
    void swedishWhenTheBrowserNamesNoneOfOursOrNothingReadable() {
        assertThat(Languages.fromAcceptLanguage("de-DE,fr;q=0.5").getLanguage()).isEqualTo("sv");
        assertThat(Languages.fromAcceptLanguage(null).getLanguage()).isEqualTo("sv");
        assertThat(Languages.fromAcceptLanguage("*").getLanguage()).isEqualTo("sv");
        assertThat(Languages.fromAcceptLanguage(";;q=x").getLanguage()).isEqualTo("sv");
    }
}
