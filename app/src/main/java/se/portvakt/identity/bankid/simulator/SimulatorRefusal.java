package se.portvakt.identity.bankid.simulator;

/**
 * What the simulator answers instead of a result: an HTTP status with BankID's {@code {errorCode, details}} for the
 * RP API, or a sentence for the phone-app page.
 */
class SimulatorRefusal extends RuntimeException {

    private final int httpStatus;
    private final String errorCode;

    SimulatorRefusal(int httpStatus, String errorCode, String details) {
        super(details);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    static SimulatorRefusal invalidParameters(String details) {
        return new SimulatorRefusal(400, "invalidParameters", details);
    }

    /** A refusal of the phone app's user (wrong QR code, wrong person): shown on the page, in Swedish. */
    static SimulatorRefusal onPhone(String sentence) {
        return new SimulatorRefusal(400, "phone", sentence);
    }

    int httpStatus() {
        return httpStatus;
    }

    String errorCode() {
        return errorCode;
    }
}
