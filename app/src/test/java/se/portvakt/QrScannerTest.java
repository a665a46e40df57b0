package se.portvakt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.portvakt.identity.QrSvg;

/** The server's QR images are readable, and say exactly what they were drawn from. */
class QrScannerTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bankid.67df3917-fa0d-44e5-b327-edcc928297f8.0.dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8",
                "frejaeid://bindUserToTransaction?transactionReference=eyJhbGciOiJIUzI1NiJ9%3D",
                "x"
            })
    void whatIsDrawnIsWhatIsRead(String text) {
        assertThat(QrScanner.scan(QrSvg.of(text))).isEqualTo(text);
    }

    /** Animated BankID codes as the guest sees them: every one of a few hundred must read back. */
    @org.junit.jupiter.api.Test
    void everyAnimatedCodeReadsBack() {
        java.util.Random random = new java.util.Random(42);
        for (int t = 0; t < 300; t++) {
            byte[] hmac = new byte[32];
            random.nextBytes(hmac);
            String code = "bankid." + java.util.UUID.randomUUID() + "." + t + "."
                    + java.util.HexFormat.of().formatHex(hmac);
            assertThat(QrScanner.scan(QrSvg.of(code))).isEqualTo(code);
        }
    }
}
