package se.portvakt.invitation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.portvakt.config.Languages;
import se.portvakt.organisation.Organisations;
import se.portvakt.organisation.PasswordLinkIssued;

/**
 * E-mails a staff member their one-time set-password link, in the organisation's language, through the outbox:
 * it commits with the link (an invitation rolled back sends nothing) and is retried like any message.
 */
@Component
class StaffMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DirectMessages outbox;
    private final MessageSource messages;
    private final Organisations organisations;

    StaffMail(DirectMessages outbox, MessageSource messages, Organisations organisations) {
        this.outbox = outbox;
        this.messages = messages;
        this.organisations = organisations;
    }

    @EventListener
    void linkIssued(PasswordLinkIssued event) {
        Locale locale = Languages.locale(event.language());
        ZoneId zone = organisations.get(event.organisationId()).zone();
        String organisation = organisations.get(event.organisationId()).name();
        String kind = event.purpose().name().toLowerCase(Locale.ROOT);
        outbox.email(
                event.organisationId(),
                null,
                null,
                event.email(),
                messages.getMessage("staff.mail." + kind + ".subject", new Object[] {organisation}, locale),
                messages.getMessage(
                        "staff.mail." + kind + ".body",
                        new Object[] {
                            event.displayName(),
                            organisation,
                            event.link(),
                            WHEN.format(event.expiresAt().atZone(zone))
                        },
                        locale));
    }
}
