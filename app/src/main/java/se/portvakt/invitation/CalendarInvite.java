package se.portvakt.invitation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import se.portvakt.booking.InviteeDetails;
import se.portvakt.booking.MeetingDetails;

/**
 * The iTIP (RFC 5546) calendar object of an invitation e-mail: one VEVENT whose UID stays the meeting's
 * for life and whose SEQUENCE grows with each change, so calendars update the entry instead of adding one.
 */
final class CalendarInvite {

    static final String PRODUCT_ID = "-//Portvakt//Portvakt invitations//EN";

    private CalendarInvite() {}

    /**
     * @param stamp when this version of the object was made (DTSTAMP)
     * @param description the event's text, the same words as the e-mail's text body
     */
    static String render(
            MeetingDetails meeting, InviteeDetails invitee, Notice notice, Instant stamp, String description) {
        VEvent event = new VEvent(false);
        event.add(new Uid(meeting.calendarUid()));
        event.add(new Sequence(meeting.sequence()));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(meeting.start()));
        event.add(new DtEnd<>(meeting.end()));
        event.add(new Summary(meeting.title()));
        event.add(new Description(description));
        event.add(new Location(meeting.roomName() + ", Portvakt"));
        event.add(new Organizer(new ParameterList().add(new Cn(meeting.hostName())), mailto(meeting.hostEmail())));
        event.add(new Attendee(
                new ParameterList()
                        .add(new Cn(invitee.name()))
                        .add(Role.REQ_PARTICIPANT)
                        .add(PartStat.NEEDS_ACTION)
                        .add(Rsvp.FALSE),
                mailto(invitee.email())));
        event.add(notice.cancels() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (!notice.cancels()) {
            // a cancelled invitee's link no longer works, so it is not handed out again
            event.add(new Url(URI.create(invitee.link())));
        }
        Calendar calendar = new Calendar()
                .withProdId(PRODUCT_ID)
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .withProperty(new Method(notice.calendarMethod()))
                .withComponent(event)
                .getFluentTarget();
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Invalid invitation calendar: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static URI mailto(String address) {
        return URI.create("mailto:" + address.replace(" ", ""));
    }
}
