package se.portvakt.invitation;

/**
 * The courier for each channel.
 *
 * @param sms null when SMS is off (production without a gateway): then no SMS is queued at all
 */
record Couriers(Courier email, Courier sms) {

    /** The embedded default's courier: the row itself is the record; the dev mailbox page shows it. */
    static final Courier DEV_MAILBOX = message -> Route.DEV_MAILBOX;

    boolean smsEnabled() {
        return sms != null;
    }

    Route deliver(OutboxMessage message) throws Exception {
        Courier courier = message.channel() == Channel.EMAIL ? email : sms;
        if (courier == null) {
            throw new IllegalStateException("No SMS gateway is configured (portvakt.invitation.sms.gateway-url)");
        }
        return courier.deliver(message);
    }
}
