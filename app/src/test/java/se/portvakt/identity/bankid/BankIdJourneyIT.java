package se.portvakt.identity.bankid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.IntegrationTest;
import se.portvakt.TestClock;
import se.portvakt.identity.EidMethod;
import se.portvakt.identity.EidProvider.EidOrder;
import se.portvakt.identity.EidProvider.EidProgress;
import se.portvakt.identity.EidProvider.EidProgress.Status;
import se.portvakt.identity.EidProvider.EidStart;
import se.portvakt.identity.bankid.simulator.SimulatedBankId;
import se.portvakt.identity.bankid.simulator.TestIdentities;
import se.portvakt.person.PersonalIdentityNumber;

/**
 * BankID journeys through the real client, over HTTP, against the built-in simulator on this test server's
 * random port; the simulated phone is driven through the simulator's test API.
 */
@IntegrationTest
class BankIdJourneyIT {

    static final String IP = "192.0.2.10";
    static final String TEXT = "Logga in till möte hos Demo kommun";

    @Autowired
    BankIdProvider bankId;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    SimulatorPhone phone;

    @BeforeEach
    void phone() {
        phone = new SimulatorPhone(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theProviderIsTheSimulatorOnThisServersPort() {
        assertThat(bankId.simulated()).isTrue();
        assertThat(bankId.method()).isEqualTo(EidMethod.BANKID);
        assertThat(bankId.baseUrl()).isEqualTo(phone.rpApiUrl());
    }

    @Test
    void qrJourneyCodesChangeEverySecondAndApprovingCompletesWithThePerson() {
        EidOrder order = bankId.start(new EidStart(IP, null, TEXT));
        assertThat(bankId.poll(order.orderRef()).messageKey()).isEqualTo(BankIdMessages.RFA13);

        String first = bankId.qrCode(order.orderRef()).orElseThrow();
        Map<String, Object> row = row(order);
        String token = (String) row.get("qr_start_token");
        String secret = (String) row.get("qr_start_secret");
        assertThat(first).isIn(AnimatedQr.code(token, secret, 0), AnimatedQr.code(token, secret, 1));
        assertThat(first).doesNotContain(secret);
        clock.advance(Duration.ofSeconds(1));
        String second = bankId.qrCode(order.orderRef()).orElseThrow();
        assertThat(second).isNotEqualTo(first);
        long t = AnimatedQr.parse(second).orElseThrow().seconds();
        assertThat(second).isEqualTo(AnimatedQr.code(token, secret, t));
        assertThat(bankId.poll(order.orderRef())).isEqualTo(BankIdProvider.pending(BankIdMessages.RFA1));

        assertThat(phone.open("qrCode", second).status()).isEqualTo(200);
        assertThat(bankId.poll(order.orderRef()).messageKey()).isEqualTo(BankIdMessages.RFA15);
        assertThat(bankId.qrCode(order.orderRef())).as("no QR once scanned").isEmpty();

        assertThat(phone.approve("orderRef", (String) row.get("order_ref"), TestIdentities.ANNA.personalNumber())
                        .status())
                .isEqualTo(200);
        EidProgress done = bankId.poll(order.orderRef());
        assertThat(done.status()).isEqualTo(Status.COMPLETE);
        assertThat(done.person().personalIdentityNumber()).isEqualTo(pin(TestIdentities.ANNA));
        assertThat(done.person().name()).isEqualTo("Anna Svensson");
        assertThat(done.person().givenName()).isEqualTo("Anna");
        assertThat(done.person().surname()).isEqualTo("Svensson");
        assertThat(done.person().method()).isEqualTo(EidMethod.BANKID);
        assertThat(done.person().simulated()).isTrue();
        assertThat(row(order).get("qr_start_secret"))
                .as("secret wiped when finished")
                .isNull();
        assertThat(bankId.poll(order.orderRef()).status()).as("handed out once").isEqualTo(Status.FAILED);
    }

    @Test
    void aStaleOrForgedQrCodeIsNotAccepted() {
        EidOrder order = bankId.start(new EidStart(IP, null, TEXT));
        String code = bankId.qrCode(order.orderRef()).orElseThrow();
        clock.advance(Duration.ofSeconds(SimulatedBankId.QR_MAX_AGE_SECONDS + 2));
        assertThat(phone.open("qrCode", code).status()).isEqualTo(400);
        String now = bankId.qrCode(order.orderRef()).orElseThrow();
        String forged = now.substring(0, now.length() - 4) + "0000";
        assertThat(phone.open("qrCode", forged).status()).isEqualTo(400);
        assertThat(phone.open("qrCode", now).status()).isEqualTo(200);
        bankId.cancel(order.orderRef());
    }

    @Test
    void sameDeviceJourneyForTheInvitedPerson() {
        EidOrder order = bankId.start(new EidStart(IP, pin(TestIdentities.ANNA), TEXT));
        assertThat(order.autoStartLink())
                .startsWith("bankid:///?autostarttoken=")
                .endsWith("&redirect=null");
        assertThat(bankId.poll(order.orderRef()).messageKey()).isEqualTo(BankIdMessages.RFA13);

        phone.open("autoStartToken", autoStartToken(order));
        assertThat(bankId.poll(order.orderRef()).messageKey()).isEqualTo(BankIdMessages.RFA15);
        phone.approve("autoStartToken", autoStartToken(order), TestIdentities.ANNA.personalNumber());

        EidProgress done = bankId.poll(order.orderRef());
        assertThat(done.status()).isEqualTo(Status.COMPLETE);
        assertThat(done.person().personalIdentityNumber()).isEqualTo(pin(TestIdentities.ANNA));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "userCancel,         bankid.rfa6",
        "expiredTransaction, bankid.rfa8",
        "certificateErr,     bankid.rfa16",
        "userDeclinedCall,   bankid.rfa22",
        "startFailed,        bankid.rfa17a"
    })
    void failuresOnThePhoneShowBankIdsMessage(String hintCode, String messageKey) {
        EidOrder order = bankId.start(new EidStart(IP, null, TEXT));
        assertThat(phone.fail("autoStartToken", autoStartToken(order), hintCode).status())
                .isEqualTo(200);

        assertThat(bankId.poll(order.orderRef())).isEqualTo(BankIdProvider.failed(messageKey));
        assertThat(bankId.poll(order.orderRef())).as("stays failed").isEqualTo(BankIdProvider.failed(messageKey));
    }

    @Test
    void anUnscannedQrOrderIsRestartedWithinTheWindowAndFailsAfterIt() {
        EidOrder order = bankId.start(new EidStart(IP, null, TEXT));
        bankId.qrCode(order.orderRef()).orElseThrow();
        String firstOrderRef = (String) row(order).get("order_ref");

        clock.advance(Duration.ofSeconds(31)); // the simulator fails it with startFailed, as BankID does after ~30 s
        assertThat(bankId.poll(order.orderRef())).isEqualTo(BankIdProvider.pending(BankIdMessages.RFA1));
        String secondOrderRef = (String) row(order).get("order_ref");
        assertThat(secondOrderRef).isNotEqualTo(firstOrderRef);
        String code = bankId.qrCode(order.orderRef()).orElseThrow();
        assertThat(code).startsWith("bankid." + row(order).get("qr_start_token") + ".0.");

        EidProgress progress = bankId.poll(order.orderRef());
        int restarts = 1;
        while (progress.status() == Status.PENDING && restarts < 20) {
            clock.advance(Duration.ofSeconds(31));
            progress = bankId.poll(order.orderRef());
            restarts += progress.status() == Status.PENDING ? 1 : 0;
        }
        assertThat(progress).isEqualTo(BankIdProvider.failed(BankIdMessages.RFA17B));
        assertThat(restarts).as("restarted until the 3-minute window closed").isEqualTo(5);
    }

    @Test
    void aSecondOrderForTheSamePersonIsRefusedAndCancelsTheFirst() {
        EidOrder first = bankId.start(new EidStart(IP, pin(TestIdentities.SAMIR), TEXT));
        EidOrder second = bankId.start(new EidStart(IP, pin(TestIdentities.SAMIR), TEXT));

        assertThat(second.autoStartLink()).isNull();
        assertThat(bankId.poll(second.orderRef())).isEqualTo(BankIdProvider.failed(BankIdMessages.RFA4));
        assertThat(bankId.poll(first.orderRef())).isEqualTo(BankIdProvider.failed(BankIdMessages.RFA3));
    }

    @Test
    void cancellingFromOurSideEndsTheOrderAtBankId() {
        EidOrder order = bankId.start(new EidStart(IP, null, TEXT));
        String orderRef = (String) row(order).get("order_ref");

        bankId.cancel(order.orderRef());

        assertThat(bankId.poll(order.orderRef())).isEqualTo(BankIdProvider.failed(BankIdMessages.RFA6));
        assertThat(phone.rpApi("collect", Map.of("orderRef", orderRef)).body())
                .containsEntry("errorCode", "invalidParameters");
        bankId.cancel(order.orderRef()); // an ended order: quietly nothing
        bankId.cancel(UUID.randomUUID().toString());
        bankId.cancel("not an order");
    }

    @Test
    void someoneElseThanTheInvitedPersonIsRefusedAndAuditedWithAMaskedNumber() {
        EidOrder order = bankId.start(new EidStart(IP, pin(TestIdentities.TOLVAN), TEXT));
        // the real app would not offer another person's BankID; the simulator does, to test our own check
        phone.approve("autoStartToken", autoStartToken(order), TestIdentities.KARL.personalNumber());

        assertThat(bankId.poll(order.orderRef())).isEqualTo(BankIdProvider.failed(BankIdMessages.WRONG_PERSON));
        String detail = jdbc.sql(
                        "select personal from audit_event where action = 'bankid.wrong-person' and subject = ?")
                .param(order.orderRef())
                .query(String.class)
                .single();
        assertThat(detail).contains("19400101-****").doesNotContain(TestIdentities.KARL.personalNumber());
    }

    @Test
    void unknownOrdersAreRefusedAsBankIdDoes() {
        assertThat(bankId.poll(UUID.randomUUID().toString())).isEqualTo(BankIdProvider.failed(BankIdMessages.RFA22));
        assertThat(bankId.poll("not an order")).isEqualTo(BankIdProvider.failed(BankIdMessages.RFA22));
        assertThat(bankId.qrCode("not an order")).isEmpty();

        BankIdClient client = new BankIdClient(phone.rpApiUrl(), null, Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.collect(UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(BankIdException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("invalidParameters");
                });
        assertThat(phone.rpApi("auth", Map.of("endUserIp", "not an ip!")).body())
                .containsEntry("errorCode", "invalidParameters");
    }

    @Test
    void oldOrderRowsAreDeleted() {
        EidOrder order = bankId.start(new EidStart(IP, null, TEXT));
        bankId.cancel(order.orderRef());
        BankIdOrders orders = new BankIdOrders(jdbc, null, clock, Duration.ofMinutes(15));

        orders.forgetOldOrders();
        assertThat(count(order)).isOne();
        clock.advance(Duration.ofMinutes(16));
        orders.forgetOldOrders();
        assertThat(count(order)).isZero();
    }

    private long count(EidOrder order) {
        return jdbc.sql("select count(*) from bankid_order where id = ?")
                .param(UUID.fromString(order.orderRef()))
                .query(Long.class)
                .single();
    }

    private Map<String, Object> row(EidOrder order) {
        return jdbc.sql(
                        "select order_ref, auto_start_token, qr_start_token, qr_start_secret from bankid_order where id = ?")
                .param(UUID.fromString(order.orderRef()))
                .query()
                .singleRow();
    }

    private static String autoStartToken(EidOrder order) {
        String link = order.autoStartLink();
        return link.substring(link.indexOf('=') + 1, link.indexOf('&'));
    }

    private static PersonalIdentityNumber pin(TestIdentities.TestPerson person) {
        return PersonalIdentityNumber.parse(person.personalNumber()).orElseThrow();
    }
}
