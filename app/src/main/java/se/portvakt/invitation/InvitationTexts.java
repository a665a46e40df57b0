package se.portvakt.invitation;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import se.portvakt.booking.InviteeDetails;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.config.Languages;

/** Writes invitations in the meeting's language from the i18n/invitation bundle. */
final class InvitationTexts {

    /**
     * When the lobby lets guests in, as the invitation promises it. The lobby owns the rule; change both
     * together if it becomes a setting.
     */
    static final int JOIN_OPENS_MINUTES_BEFORE = 15;

    private final MessageSource messages;

    InvitationTexts(MessageSource messages) {
        this.messages = messages;
    }

    Letter letter(MeetingDetails meeting, InviteeDetails invitee, Notice notice) {
        Locale locale = Languages.locale(meeting.language());
        List<Letter.Fact> facts = List.of(
                new Letter.Fact(text(locale, "invitation.meeting"), meeting.title()),
                new Letter.Fact(text(locale, "invitation.when"), when(meeting, locale)),
                new Letter.Fact(text(locale, "invitation.room"), meeting.roomName()),
                new Letter.Fact(
                        text(locale, "invitation.host"), meeting.hostName() + ", " + meeting.organisationName()));
        List<String> steps = List.of(
                text(locale, "invitation.join.open"),
                text(locale, "invitation.join.level." + meeting.assuranceLevel().name()),
                text(locale, "invitation.join.opens", JOIN_OPENS_MINUTES_BEFORE));
        return new Letter(
                locale.getLanguage(),
                text(locale, "invitation.subject." + notice.name(), meeting.title()),
                text(locale, "invitation.intro." + notice.name(), meeting.hostName(), meeting.organisationName()),
                facts,
                text(locale, "invitation.information"),
                blankToNull(meeting.information()),
                text(locale, "invitation.link.heading"),
                notice.cancels() ? null : invitee.link(),
                text(locale, "invitation.link.personal"),
                text(locale, "invitation.join.heading"),
                steps,
                text(locale, "invitation.browsers.heading"),
                text(locale, "invitation.browsers"),
                text(locale, "invitation.equipment-test"),
                notice.cancels()
                        ? null
                        : java.net
                                .URI
                                .create(invitee.link())
                                .resolve("../testa")
                                .toString(),
                text(locale, "invitation.footer"));
    }

    /** One SMS: short, but with who, what, when and (unless it cancels) the personal link. */
    String sms(MeetingDetails meeting, InviteeDetails invitee, Notice notice) {
        Locale locale = Languages.locale(meeting.language());
        DateTimeFormatter when = DateTimeFormatter.ofPattern(text(locale, "invitation.sms.time-pattern"), locale);
        return text(
                locale,
                "invitation.sms." + notice.name(),
                meeting.hostName(),
                meeting.organisationName(),
                meeting.title(),
                when.format(meeting.start().atZone(meeting.zone())),
                invitee.link());
    }

    private String when(MeetingDetails meeting, Locale locale) {
        ZonedDateTime start = meeting.start().atZone(meeting.zone());
        ZonedDateTime end = meeting.end().atZone(meeting.zone());
        DateTimeFormatter date = DateTimeFormatter.ofPattern(text(locale, "invitation.date-pattern"), locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        return text(
                locale,
                "invitation.time",
                date.format(start),
                time.format(start),
                time.format(end),
                meeting.zone().getDisplayName(TextStyle.FULL, locale));
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
