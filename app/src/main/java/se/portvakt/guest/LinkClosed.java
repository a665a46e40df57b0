package se.portvakt.guest;

/** A personal link that leads nowhere (any more); {@link GuestErrors} shows why, and nothing else. */
final class LinkClosed extends RuntimeException {

    /** Why, and the HTTP status that says it. */
    enum Reason {
        INVALID(404),
        CANCELLED(410),
        ENDED(410);

        final int status;

        Reason(int status) {
            this.status = status;
        }
    }

    private final Reason reason;

    LinkClosed(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
