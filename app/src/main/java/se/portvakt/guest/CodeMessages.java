package se.portvakt.guest;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.portvakt.booking.InviteeContact;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.config.Languages;
import se.portvakt.config.PortvaktProperties;
import se.portvakt.invitation.DirectMessages;

/** Writes a one-time code message in the meeting's language and queues it in the outbox. */
@Component
class CodeMessages {

    private final DirectMessages outbox;
    private final MessageSource messages;
    private final GuestProperties properties;
    private final String domain;

    CodeMessages(
            DirectMessages outbox, MessageSource messages, GuestProperties properties, PortvaktProperties portvakt) {
        this.outbox = outbox;
        this.messages = messages;
        this.properties = properties;
        String host = URI.create(portvakt.baseUrl()).getHost();
        this.domain = host == null ? "localhost" : host;
    }

    /** Queues the code to the invitation's own address or number; false when it cannot go (SMS off). */
    boolean send(MeetingSummary meeting, InviteeContact invitee, ContactInput contact, String code) {
        Locale locale = Languages.locale(meeting.language());
        long minutes = properties.codeValidity().toMinutes();
        if (contact.method() == IdentificationMethod.EMAIL_CODE) {
            outbox.email(
                    meeting.organisationId(),
                    meeting.id(),
                    invitee.inviteeId(),
                    invitee.email(),
                    text(locale, "guest.code.email.subject"),
                    text(locale, "guest.code.email.body", code, minutes, meeting.organisationName()));
            return true;
        }
        // the last line lets phones offer the code for this site only (origin-bound one-time codes)
        return outbox.sms(
                meeting.organisationId(),
                meeting.id(),
                invitee.inviteeId(),
                invitee.mobile(),
                text(locale, "guest.code.sms", code, minutes) + "\n\n@" + domain + " #" + code);
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
