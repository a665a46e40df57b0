package se.portvakt.invitation;

/** How a message reaches an invitee. */
enum Channel {
    EMAIL,
    SMS
}
