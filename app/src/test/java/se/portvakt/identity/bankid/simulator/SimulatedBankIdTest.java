package se.portvakt.identity.bankid.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import se.portvakt.TestClock;
import se.portvakt.identity.bankid.AnimatedQr;
import se.portvakt.identity.bankid.BankIdJson.AuthResponse;

class SimulatedBankIdTest {

    private final TestClock clock = new TestClock();
    private final SimulatedBankId bankId = new SimulatedBankId(clock);

    @Test
    void aCodeScannedAFewSecondsAfterItWasShownStartsTheOrder() {
        AuthResponse order = bankId.auth("127.0.0.1", null, null);
        String shown = AnimatedQr.code(order.qrStartToken(), order.qrStartSecret(), 2);
        clock.advance(Duration.ofSeconds(2 + SimulatedBankId.QR_MAX_AGE_SECONDS));

        assertThat(bankId.scan(shown).stage()).isEqualTo(SimulatedOrder.Stage.STARTED);
    }

    @Test
    void aCodeOlderThanThatIsRefusedAsTheRealAppWould() {
        AuthResponse order = bankId.auth("127.0.0.1", null, null);
        String shown = AnimatedQr.code(order.qrStartToken(), order.qrStartSecret(), 2);
        clock.advance(Duration.ofSeconds(3 + SimulatedBankId.QR_MAX_AGE_SECONDS));

        assertThatThrownBy(() -> bankId.scan(shown)).hasMessageContaining("för gammal");
    }

    @Test
    void aCodeFromTheFutureIsRefused() {
        AuthResponse order = bankId.auth("127.0.0.1", null, null);

        assertThatThrownBy(() -> bankId.scan(AnimatedQr.code(order.qrStartToken(), order.qrStartSecret(), 5)))
                .hasMessageContaining("inte har kommit än");
    }

    @Test
    void aCodeWithTheWrongSecretIsRefused() {
        AuthResponse order = bankId.auth("127.0.0.1", null, null);

        assertThatThrownBy(() -> bankId.scan(AnimatedQr.code(order.qrStartToken(), "not-the-secret", 0)))
                .hasMessageContaining("inte äkta");
    }
}
