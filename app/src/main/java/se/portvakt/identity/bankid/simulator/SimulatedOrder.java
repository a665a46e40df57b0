package se.portvakt.identity.bankid.simulator;

import java.time.Instant;
import se.portvakt.identity.bankid.simulator.TestIdentities.TestPerson;

/**
 * One order inside the simulator, as BankID's servers would hold it. Mutable; only {@link SimulatedBankId}
 * changes it, under its lock.
 */
final class SimulatedOrder {

    /** Where the order stands; each maps to one collect answer. */
    enum Stage {
        /** pending, outstandingTransaction: nobody has scanned or opened it */
        OUTSTANDING,
        /** pending, started: the phone app has it and asks who is identifying */
        STARTED,
        /** pending, userSign: a person is chosen and "enters the security code" */
        SIGNING,
        COMPLETE,
        FAILED
    }

    private final String orderRef;
    private final String autoStartToken;
    private final String qrStartToken;
    private final String qrStartSecret;
    private final Instant createdAt;
    private final String requiredPersonalNumber;
    private final String endUserIp;
    private final String visibleText;

    private Stage stage = Stage.OUTSTANDING;
    private String failedHint;
    private TestPerson person;
    private Instant finishedAt;

    SimulatedOrder(
            String orderRef,
            String autoStartToken,
            String qrStartToken,
            String qrStartSecret,
            Instant createdAt,
            String requiredPersonalNumber,
            String endUserIp,
            String visibleText) {
        this.orderRef = orderRef;
        this.autoStartToken = autoStartToken;
        this.qrStartToken = qrStartToken;
        this.qrStartSecret = qrStartSecret;
        this.createdAt = createdAt;
        this.requiredPersonalNumber = requiredPersonalNumber;
        this.endUserIp = endUserIp;
        this.visibleText = visibleText;
    }

    void started() {
        stage = Stage.STARTED;
    }

    void signing(TestPerson chosen) {
        person = chosen;
        stage = Stage.SIGNING;
    }

    void complete(Instant now) {
        stage = Stage.COMPLETE;
        finishedAt = now;
    }

    void fail(String hintCode, Instant now) {
        stage = Stage.FAILED;
        failedHint = hintCode;
        finishedAt = now;
    }

    boolean pending() {
        return stage != Stage.COMPLETE && stage != Stage.FAILED;
    }

    /** The collect hintCode: the pending stage's, or why it failed; null when complete. */
    String hintCode() {
        return switch (stage) {
            case OUTSTANDING -> "outstandingTransaction";
            case STARTED -> "started";
            case SIGNING -> "userSign";
            case COMPLETE -> null;
            case FAILED -> failedHint;
        };
    }

    String orderRef() {
        return orderRef;
    }

    String autoStartToken() {
        return autoStartToken;
    }

    String qrStartToken() {
        return qrStartToken;
    }

    String qrStartSecret() {
        return qrStartSecret;
    }

    Instant createdAt() {
        return createdAt;
    }

    String requiredPersonalNumber() {
        return requiredPersonalNumber;
    }

    String endUserIp() {
        return endUserIp;
    }

    String visibleText() {
        return visibleText;
    }

    Stage stage() {
        return stage;
    }

    TestPerson person() {
        return person;
    }

    Instant finishedAt() {
        return finishedAt;
    }
}
