package se.portvakt.identity.bankid;

/**
 * BankID refused a call ({@code {errorCode, details}} with a 4xx or 5xx), or could not be reached at all.
 * The message holds the error code and BankID's details, never the request, so it is safe to log.
 */
class BankIdException extends RuntimeException {

    /** The status when no HTTP answer came: connection refused, TLS failure, timeout. */
    static final int NO_ANSWER = 0;

    private final int httpStatus;
    private final String errorCode;

    BankIdException(int httpStatus, String errorCode, String details) {
        super(describe(httpStatus, errorCode, details));
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    BankIdException(String what, Throwable cause) {
        super("BankID did not answer: " + what + ": " + cause, cause);
        this.httpStatus = NO_ANSWER;
        this.errorCode = null;
    }

    int httpStatus() {
        return httpStatus;
    }

    /** BankID's errorCode, e.g. alreadyInProgress; null when the body had none or there was no answer. */
    String errorCode() {
        return errorCode;
    }

    private static String describe(int httpStatus, String errorCode, String details) {
        return "BankID answered HTTP " + httpStatus + " " + (errorCode == null ? "(no errorCode)" : errorCode)
                + (details == null || details.isBlank() ? "" : ": " + details);
    }
}
