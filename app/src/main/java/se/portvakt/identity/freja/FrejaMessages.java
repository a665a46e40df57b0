package se.portvakt.identity.freja;

/** Keys of i18n/freja*.properties: what a person reads while and after identifying with Freja eID. */
final class FrejaMessages {

    static final String OPEN_APP = "freja.progress.open-app";
    static final String CONFIRM_IN_APP = "freja.progress.confirm-in-app";
    static final String COMPLETE = "freja.progress.complete";
    static final String CANCELLED = "freja.failed.cancelled";
    static final String EXPIRED = "freja.failed.expired";
    static final String REJECTED = "freja.failed.rejected";
    static final String NOT_PLUS = "freja.failed.not-plus";
    static final String NOT_INVITED_PERSON = "freja.failed.not-invited-person";
    static final String TECHNICAL_ERROR = "freja.failed.technical-error";

    private FrejaMessages() {}
}
