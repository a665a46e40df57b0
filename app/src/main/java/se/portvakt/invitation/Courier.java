package se.portvakt.invitation;

/** Takes a message out of Portvakt: to an SMTP server, an SMS gateway, or the dev mailbox. */
interface Courier {

    /**
     * Hands the message on. Returns only once the next hop has accepted it; any exception means it may
     * not have, and the outbox tries again later.
     */
    Route deliver(OutboxMessage message) throws Exception;
}
