package se.portvakt.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import se.portvakt.booking.MeetingDetails;

class CalendarInviteTest {

    static final Instant STAMP = Instant.parse("2031-03-01T12:00:00Z");

    @Test
    void anInvitationIsARequestWithEverythingACalendarNeeds() throws Exception {
        MeetingDetails meeting = SampleMeeting.meeting();
        String text = CalendarInvite.render(meeting, SampleMeeting.anna(), Notice.INVITATION, STAMP, "Välkommen!");

        Calendar calendar = parse(text);
        VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(value(calendar, Property.PRODID)).isEqualTo(CalendarInvite.PRODUCT_ID);
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(value(event, Property.UID)).isEqualTo(meeting.calendarUid());
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20310301T120000Z");
        assertThat(value(event, Property.DTSTART)).isEqualTo("20310303T090000Z");
        assertThat(value(event, Property.DTEND)).isEqualTo("20310303T094500Z");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Uppföljning");
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("Välkommen!");
        assertThat(value(event, Property.LOCATION)).isEqualTo("Rum 1, Portvakt");
        assertThat(value(event, Property.URL)).isEqualTo("https://portvakt.example.se/m/AnnasToken");
        Property organizer = event.getProperty(Property.ORGANIZER).orElseThrow();
        assertThat(organizer.getValue()).isEqualTo("mailto:vera@kommun.example");
        assertThat(parameter(organizer, Parameter.CN)).isEqualTo("Vera Värd");
        Property attendee = event.getProperty(Property.ATTENDEE).orElseThrow();
        assertThat(attendee.getValue()).isEqualTo("mailto:anna@example.se");
        assertThat(parameter(attendee, Parameter.CN)).isEqualTo("Anna Andersson");
        assertThat(parameter(attendee, Parameter.ROLE)).isEqualTo("REQ-PARTICIPANT");
        assertThat(parameter(attendee, Parameter.PARTSTAT)).isEqualTo("NEEDS-ACTION");
        assertThat(parameter(attendee, Parameter.RSVP)).isEqualTo("FALSE");
    }

    @Test
    void aCancellationKeepsTheUidAndHandsOutNoLink() throws Exception {
        MeetingDetails meeting = SampleMeeting.meeting("sv", "Uppföljning", null, 2);

        Calendar calendar =
                parse(CalendarInvite.render(meeting, SampleMeeting.anna(), Notice.CANCELLATION, STAMP, "x"));
        VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();

        assertThat(value(calendar, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(event, Property.UID)).isEqualTo(meeting.calendarUid());
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("2");
        assertThat(event.getProperty(Property.URL)).isEmpty();
    }

    @Test
    void anUpdateIsARequestWithTheSameUidAndTheNewSequence() throws Exception {
        String first =
                CalendarInvite.render(SampleMeeting.meeting(), SampleMeeting.anna(), Notice.INVITATION, STAMP, "x");
        String changed = CalendarInvite.render(
                SampleMeeting.meeting("sv", "Uppföljning", null, 1), SampleMeeting.anna(), Notice.UPDATE, STAMP, "x");

        VEvent before =
                parse(first).getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        VEvent after =
                parse(changed).getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(value(parse(changed), Property.METHOD)).isEqualTo("REQUEST");
        assertThat(value(after, Property.UID)).isEqualTo(value(before, Property.UID));
        assertThat(value(after, Property.SEQUENCE)).isEqualTo("1");
    }

    @Test
    void textThatIsSyntaxInICalendarSurvivesTheRoundTrip() throws Exception {
        String title = "Möte; om \"budget\", del 2: <b>A & B</b>";
        String description = "Rad ett\nRad två, med komma; och semikolon\\ och snedstreck";
        MeetingDetails meeting = SampleMeeting.meeting("sv", title, null, 0);

        VEvent event = parse(
                        CalendarInvite.render(meeting, SampleMeeting.anna(), Notice.INVITATION, STAMP, description))
                .getComponent("VEVENT")
                .map(VEvent.class::cast)
                .orElseThrow();

        assertThat(value(event, Property.SUMMARY)).isEqualTo(title);
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo(description);
    }

    @Test
    void linesAreFoldedAndEndWithCrLf() {
        String text = CalendarInvite.render(
                SampleMeeting.meeting("sv", "x".repeat(200), null, 0),
                SampleMeeting.anna(),
                Notice.INVITATION,
                STAMP,
                "y");

        assertThat(text).contains("\r\n").doesNotContain("x".repeat(80));
        assertThat(text.split("\r\n"))
                .allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .hasSizeLessThanOrEqualTo(75));
    }

    static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static String value(net.fortuna.ical4j.model.PropertyContainer container, String name) {
        return container.getProperty(name).map(Property::getValue).orElseThrow(() -> new AssertionError("no " + name));
    }

    private static String parameter(Property property, String name) {
        return property.getParameter(name).map(Parameter::getValue).orElseThrow(() -> new AssertionError("no " + name));
    }
}
