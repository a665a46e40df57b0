package se.portvakt.identity.bankid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnimatedQrTest {

    // the example order in BankID's RP guidelines ("Animated QR code"), as quoted by many BankID clients
    static final String TOKEN = "67df3917-fa0d-44e5-b327-edcc928297f8";
    static final String SECRET = "d28db9a7-4cde-429e-a983-359be676944c";

    @ParameterizedTest
    @CsvSource({
        "0, dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8",
        "1, 949d559bf23403952a94d103e67743126381eda00f0b3cbddbf7c96b1adcbce2",
        "2, a9e5ec59cb4eee4ef4117150abc58fad7a85439a6a96ccbecc3668b41795b3f3"
    })
    void matchesBankIdsPublishedExample(long seconds, String qrAuthCode) {
        assertThat(AnimatedQr.code(TOKEN, SECRET, seconds))
                .isEqualTo("bankid." + TOKEN + "." + seconds + "." + qrAuthCode);
    }

    @Test
    void countsWholeSecondsSinceTheAuthResponseAndNeverBelowZero() {
        Instant auth = Instant.parse("2026-11-23T10:00:00.700Z");
        assertThat(AnimatedQr.code(TOKEN, SECRET, auth, auth.plusMillis(999))).contains("." + 0 + ".");
        assertThat(AnimatedQr.code(TOKEN, SECRET, auth, auth.plusMillis(1000))).contains(".1.949d559b");
        assertThat(AnimatedQr.code(TOKEN, SECRET, auth, auth.minusSeconds(2))).contains(".0.dc69358e");
    }

    @Test
    void parsesWhatItMakesAndNothingElse() {
        String code = AnimatedQr.code(TOKEN, SECRET, 7);
        assertThat(AnimatedQr.parse(code)).hasValueSatisfying(scanned -> {
            assertThat(scanned.qrStartToken()).isEqualTo(TOKEN);
            assertThat(scanned.seconds()).isEqualTo(7);
            assertThat(scanned.authCode()).isEqualTo(AnimatedQr.authCode(SECRET, 7));
        });
        assertThat(AnimatedQr.parse("bankid:///?autostarttoken=x")).isEmpty();
        assertThat(AnimatedQr.parse("bankid." + TOKEN + ".-1." + AnimatedQr.authCode(SECRET, 1)))
                .isEmpty();
        assertThat(AnimatedQr.parse(code.toUpperCase())).isEmpty();
        assertThat(AnimatedQr.parse(null)).isEmpty();
    }
}
