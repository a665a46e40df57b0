package se.portvakt.invitation;

/**
 * A rendered message for one invitee, before it is queued.
 *
 * @param subject null for SMS
 * @param bodyHtml null for SMS
 * @param calendar the iCalendar object of an e-mail, null for SMS
 */
record Draft(Channel channel, String recipient, String subject, String bodyText, String bodyHtml, String calendar) {}
