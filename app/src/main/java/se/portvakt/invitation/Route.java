package se.portvakt.invitation;

/** The way a sent message actually left, kept on the row as {@code delivered_via}. */
enum Route {
    SMTP,
    SMS_GATEWAY,
    /** Kept for the dev mailbox page and not sent anywhere: the embedded default. */
    DEV_MAILBOX
}
