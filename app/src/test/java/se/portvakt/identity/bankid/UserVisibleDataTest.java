package se.portvakt.identity.bankid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserVisibleDataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "Logga in till möte hos Demo kommun ; Logga in till möte hos Demo kommun",
                "# Rubrik                           ; \\# Rubrik",
                "*fet* och `kod`                    ; \\*fet\\* och \\`kod\\`",
                "A|B + C \\ D                       ; A\\|B \\+ C \\\\ D"
            })
    void markdownCharactersAreEscapedSoTheTextShowsAsWritten(String text, String escaped) {
        String encoded = UserVisibleData.encode(text);
        assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8))
                .isEqualTo(escaped);
        assertThat(UserVisibleData.decode(encoded)).isEqualTo(text);
    }

    @Test
    void aLongTextIsCutToBankIdsLimitOnWholeCharacters() {
        String encoded = UserVisibleData.encode("å".repeat(2000));
        assertThat(encoded.length()).isLessThanOrEqualTo(1500);
        assertThat(UserVisibleData.decode(encoded)).matches("å+");
    }

    @Test
    void anEscapeIsNeverCutInHalf() {
        String fitted = UserVisibleData.fit("a".repeat(UserVisibleData.MAX_BYTES - 1) + "\\*");
        assertThat(fitted).endsWith("a").hasSize(UserVisibleData.MAX_BYTES - 1);
    }

    @Test
    void noTextMeansNoUserVisibleData() {
        assertThat(UserVisibleData.encode(null)).isNull();
        assertThat(UserVisibleData.encode("  ")).isNull();
    }
}
