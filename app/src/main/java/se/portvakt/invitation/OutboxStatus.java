package se.portvakt.invitation;

/** A message's way through the outbox: PENDING -> SENDING -> SENT, back to PENDING on failure, or FAILED. */
enum OutboxStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED
}
