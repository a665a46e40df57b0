package se.portvakt.identity.freja;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.IntegrationTest;
import se.portvakt.TestClock;
import se.portvakt.identity.EidMethod;
import se.portvakt.identity.EidProvider;
import se.portvakt.identity.EidProvider.EidOrder;
import se.portvakt.identity.EidProvider.EidProgress;
import se.portvakt.identity.EidProvider.EidProgress.Status;
import se.portvakt.identity.EidProvider.EidStart;
import se.portvakt.identity.freja.simulator.FrejaSimulatorForgery;
import se.portvakt.person.PersonalIdentityNumber;

/** The real Freja eID client over HTTP against the simulator: every way an authentication can end. */
@IntegrationTest
class FrejaClientIT {

    private static final String ANNA = "198001012387";
    private static final String BERTIL = "196807123572";
    private static final String DAVID_EXTENDED = "197512244828";

    @Autowired
    List<EidProvider> providers;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    EidProvider freja;
    FrejaPhone phone;

    @BeforeEach
    void findFreja() {
        freja = providers.stream()
                .filter(p -> p.method() == EidMethod.FREJA)
                .findFirst()
                .orElseThrow();
        phone = new FrejaPhone(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private EidOrder startFor(String ssn) {
        PersonalIdentityNumber pin =
                ssn == null ? null : PersonalIdentityNumber.parse(ssn).orElseThrow();
        return freja.start(new EidStart("192.0.2.1", pin, "Logga in till möte"));
    }

    @Test
    void anInvitedPersonApprovesAndIsVerifiedAsSimulated() {
        EidOrder order = startFor(ANNA);
        assertThat(order.autoStartLink()).startsWith("frejaeid://bindUserToTransaction?transactionReference=");
        assertThat(order.orderRef())
                .doesNotContain(
                        order.autoStartLink().substring(order.autoStartLink().indexOf('=') + 1));
        assertThat(freja.poll(order.orderRef()).status()).isEqualTo(Status.PENDING);
        assertThat(freja.qrCode(order.orderRef())).contains(order.autoStartLink());

        assertThat(phone.approve(order.autoStartLink(), ANNA)).isEqualTo(200);

        EidProgress done = freja.poll(order.orderRef());
        assertThat(done.status()).isEqualTo(Status.COMPLETE);
        assertThat(done.person().personalIdentityNumber().digits()).isEqualTo(ANNA);
        assertThat(done.person().givenName()).isEqualTo("Anna");
        assertThat(done.person().surname()).isEqualTo("Andersson");
        assertThat(done.person().simulated()).isTrue();
        assertThat(freja.qrCode(order.orderRef())).isEmpty();
        assertThat(freja.poll(order.orderRef())).isEqualTo(done); // kept: a second poll answers the same
    }

    @Test
    void aQrStartIsOpenToAnyonesPhone() {
        EidOrder order = startFor(null);
        assertThat(freja.poll(order.orderRef()).messageKey()).isEqualTo(FrejaMessages.OPEN_APP);
        assertThat(phone.approve(order.autoStartLink(), BERTIL)).isEqualTo(200);
        EidProgress done = freja.poll(order.orderRef());
        assertThat(done.status()).isEqualTo(Status.COMPLETE);
        assertThat(done.person().personalIdentityNumber().digits()).isEqualTo(BERTIL);
    }

    @Test
    void anSsnBoundTransactionIsNotShownToAnotherPhone() {
        EidOrder order = startFor(ANNA);
        assertThat(phone.approve(order.autoStartLink(), BERTIL)).isEqualTo(422);
        assertThat(freja.poll(order.orderRef()).status()).isEqualTo(Status.PENDING);
    }

    @Test
    void everyOtherEndingFailsWithItsOwnMessage() {
        EidOrder rejected = startFor(ANNA);
        phone.reject(rejected.autoStartLink());
        assertFailed(rejected, FrejaMessages.REJECTED);

        EidOrder userCancelled = startFor(ANNA);
        phone.cancel(userCancelled.autoStartLink());
        assertFailed(userCancelled, FrejaMessages.CANCELLED);

        EidOrder expiredByPhone = startFor(null);
        phone.expire(expiredByPhone.autoStartLink());
        assertFailed(expiredByPhone, FrejaMessages.EXPIRED);
    }

    @Test
    void weCancelAndFrejaHearsOfIt() {
        EidOrder order = startFor(ANNA);
        freja.cancel(order.orderRef());
        assertFailed(order, FrejaMessages.CANCELLED);
        // Freja's side is RP_CANCELED: the phone can no longer approve it
        assertThat(phone.approve(order.autoStartLink(), ANNA)).isEqualTo(422);
        freja.cancel(order.orderRef()); // an ended order: quietly nothing
        freja.cancel("no-such-order");
    }

    @Test
    void aTransactionExpiresWhenTheClockPassesItsLifetime() {
        EidOrder order = startFor(ANNA);
        clock.advance(Duration.ofMinutes(3));
        assertFailed(order, FrejaMessages.EXPIRED);
    }

    @Test
    void anExtendedLevelPersonIsRefused() {
        EidOrder order = startFor(null);
        phone.approve(order.autoStartLink(), DAVID_EXTENDED);
        assertFailed(order, FrejaMessages.NOT_PLUS);
    }

    @Test
    void aResultForAnotherThanTheInvitedPersonIsRefused() {
        EidOrder order = startFor(ANNA);
        phone.approve(order.autoStartLink(), BERTIL, FrejaSimulatorForgery.IGNORE_BINDING);
        assertFailed(order, FrejaMessages.NOT_INVITED_PERSON);
    }

    @Test
    void forgedResultsAreRefused() {
        for (FrejaSimulatorForgery forgery : List.of(
                FrejaSimulatorForgery.TAMPERED_PAYLOAD,
                FrejaSimulatorForgery.TAMPERED_SIGNATURE,
                FrejaSimulatorForgery.OTHER_KEY,
                FrejaSimulatorForgery.WRONG_X5T)) {
            EidOrder order = startFor(null);
            assertThat(phone.approve(order.autoStartLink(), ANNA, forgery)).isEqualTo(200);
            EidProgress progress = freja.poll(order.orderRef());
            assertThat(progress.status()).as(forgery.name()).isEqualTo(Status.FAILED);
            assertThat(progress.messageKey()).as(forgery.name()).isEqualTo(FrejaMessages.TECHNICAL_ERROR);
            assertThat(progress.person()).as(forgery.name()).isNull();
        }
    }

    @Test
    void unknownOrdersFailQuietly() {
        assertThat(freja.poll("not-a-uuid").status()).isEqualTo(Status.FAILED);
        assertThat(freja.poll("00000000-0000-0000-0000-000000000000").status()).isEqualTo(Status.FAILED);
        assertThat(freja.qrCode("00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    private void assertFailed(EidOrder order, String messageKey) {
        EidProgress progress = freja.poll(order.orderRef());
        assertThat(progress.status()).isEqualTo(Status.FAILED);
        assertThat(progress.messageKey()).isEqualTo(messageKey);
        assertThat(progress.person()).isNull();
    }
}
