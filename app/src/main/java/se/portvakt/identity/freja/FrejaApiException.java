package se.portvakt.identity.freja;

/**
 * Freja eID refused a call ({@code {code, message}} in a 4xx answer) or could not be reached.
 * An IllegalStateException, so callers of {@code EidProvider.start} see an ordinary unchecked failure.
 */
public class FrejaApiException extends IllegalStateException {

    /** HTTP status of Freja's answer; 0 when none came (network, timeout, TLS). */
    private final int httpStatus;
    /** Freja's error code, e.g. 1100 (invalid reference); 0 when the answer carried none. */
    private final int code;

    public FrejaApiException(int httpStatus, int code, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    int httpStatus() {
        return httpStatus;
    }

    int code() {
        return code;
    }

    /** A network fault or a 5xx: the same call may well succeed a moment later. */
    boolean transientFault() {
        return httpStatus == 0 || httpStatus >= 500;
    }
}
