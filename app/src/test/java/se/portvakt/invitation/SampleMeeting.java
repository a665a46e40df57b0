package se.portvakt.invitation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.InviteeDetails;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.MeetingStatus;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;

/** Meetings for the unit tests, as booking would hand them over. */
final class SampleMeeting {

    static final Instant START = Instant.parse("2031-03-03T09:00:00Z");
    static final UUID MEETING_ID = UUID.fromString("6f1d2c3b-0000-4000-8000-000000000001");

    private SampleMeeting() {}

    static InviteeDetails anna() {
        return new InviteeDetails(
                new InviteeId(UUID.fromString("6f1d2c3b-0000-4000-8000-0000000000a1")),
                "Anna Andersson",
                "anna@example.se",
                "+46701234567",
                null,
                false,
                "https://portvakt.example.se/m/AnnasToken");
    }

    static MeetingDetails meeting(String language, String title, String information, int sequence) {
        return new MeetingDetails(
                new MeetingId(MEETING_ID),
                new OrganisationId(UUID.fromString("6f1d2c3b-0000-4000-8000-0000000000f0")),
                "Testkommun",
                title,
                START,
                START.plusSeconds(45 * 60),
                ZoneId.of("Europe/Stockholm"),
                "Rum 1",
                "Vera Värd",
                "vera@kommun.example",
                AssuranceLevel.LOA3,
                false,
                information,
                language,
                MeetingStatus.SCHEDULED,
                MEETING_ID + "@portvakt",
                sequence,
                List.of(anna()));
    }

    static MeetingDetails meeting() {
        return meeting("sv", "Uppföljning", "Ta med läkemedelslistan.", 0);
    }
}
