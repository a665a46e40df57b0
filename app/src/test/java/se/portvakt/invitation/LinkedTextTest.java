package se.portvakt.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.portvakt.invitation.LinkedText.Piece;

class LinkedTextTest {

    @Test
    void linksBecomeLinksAndTheRestStaysText() {
        assertThat(LinkedText.of("Din länk:\nhttps://p.example/m/abc_D-1\n<b>x</b> http://a.example/?q=1&r=2 slut")
                        .pieces())
                .containsExactly(
                        new Piece("Din länk:\n", null),
                        new Piece("https://p.example/m/abc_D-1", "https://p.example/m/abc_D-1"),
                        new Piece("\n<b>x</b> ", null),
                        new Piece("http://a.example/?q=1&r=2", "http://a.example/?q=1&r=2"),
                        new Piece(" slut", null));
    }

    @Test
    void onlyWebLinksAreLinked() {
        assertThat(LinkedText.of("javascript:alert(1) mailto:a@b.se").pieces())
                .containsExactly(new Piece("javascript:alert(1) mailto:a@b.se", null));
    }
}
