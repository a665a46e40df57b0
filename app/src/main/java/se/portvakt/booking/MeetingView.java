package se.portvakt.booking;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;

/** A meeting as a page shows it: times written out in the organisation's zone and the reader's language. */
public record MeetingView(
        UUID id,
        String title,
        String date,
        String time,
        String roomName,
        String hostName,
        AssuranceLevel assuranceLevel,
        boolean confidential,
        String information,
        String language,
        boolean cancelled) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    public static MeetingView of(MeetingSummary meeting, Locale locale) {
        ZonedDateTime start = meeting.start().atZone(meeting.zone());
        ZonedDateTime end = meeting.end().atZone(meeting.zone());
        String date =
                start.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale));
        String time = start.format(CLOCK) + "–" + end.format(CLOCK)
                + (end.toLocalDate().equals(start.toLocalDate()) ? "" : " (+1)");
        return new MeetingView(
                meeting.id().value(),
                meeting.title(),
                date,
                time,
                meeting.roomName(),
                meeting.hostName(),
                meeting.assuranceLevel(),
                meeting.confidential(),
                meeting.information(),
                meeting.language(),
                meeting.cancelled());
    }
}
