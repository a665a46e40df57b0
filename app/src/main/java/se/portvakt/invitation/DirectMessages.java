package se.portvakt.invitation;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;

/**
 * Short messages to one invitee that are not invitations (e.g. a one-time code), queued in the
 * outbox like invitations so they commit with the caller's transaction and are retried the same way.
 */
@Component
public class DirectMessages {

    private final Outbox outbox;
    private final Couriers couriers;
    private final Clock clock;

    DirectMessages(Outbox outbox, Couriers couriers, Clock clock) {
        this.outbox = outbox;
        this.couriers = couriers;
        this.clock = clock;
    }

    /** Queues a plain e-mail; its HTML part is the same text, escaped. Meeting and invitee may be null. */
    public void email(
            OrganisationId organisationId,
            MeetingId meetingId,
            InviteeId inviteeId,
            String to,
            String subject,
            String text) {
        String html = "<!DOCTYPE html><html><body><p>"
                + HtmlUtils.htmlEscape(text).replace("\n", "<br>\n") + "</p></body></html>";
        outbox.enqueue(
                organisationId,
                meetingId,
                inviteeId,
                new Draft(Channel.EMAIL, to, subject, text, html, null),
                clock.instant());
    }

    /** Queues an SMS; false, and nothing queued, when SMS is off (production without a gateway). */
    public boolean sms(
            OrganisationId organisationId, MeetingId meetingId, InviteeId inviteeId, String to, String text) {
        if (!smsEnabled()) {
            return false;
        }
        outbox.enqueue(
                organisationId,
                meetingId,
                inviteeId,
                new Draft(Channel.SMS, to, null, text, null, null),
                clock.instant());
        return true;
    }

    /** Whether an SMS can be sent at all. */
    public boolean smsEnabled() {
        return couriers.smsEnabled();
    }
}
