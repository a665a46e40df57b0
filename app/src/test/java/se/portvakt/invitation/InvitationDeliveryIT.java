package se.portvakt.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.followUp;
import static se.portvakt.invitation.ReceivedMail.value;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.Fixtures;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.config.DeploymentMode;

/** Booking's events become e-mails with a calendar part that real calendar programs act on. */
@IntegrationTest
class InvitationDeliveryIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestBookings bookings;

    @Autowired
    OutboxWorker worker;

    @Autowired
    InvitationDeliveries deliveries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    DeploymentMode mode;

    @Test
    void theCalendarEntryIsCreatedUpdatedAndCancelledUnderOneUid() throws Exception {
        InviteeRequest anna = TestBookings.guest("Anna Andersson", false);
        Booked booked = bookings.book(followUp(fixtures.tenant())
                .title("Uppföljning " + TestBookings.unique())
                .invitees(anna));
        worker.deliverDue();
        bookings.move(booked, Duration.ofHours(1));
        worker.deliverDue();
        bookings.cancel(booked);
        worker.deliverDue();

        List<ReceivedMail> mail = ReceivedMail.to(anna.email());
        assertThat(mail).hasSize(3);
        ReceivedMail invitation = mail.get(0);
        ReceivedMail update = mail.get(1);
        ReceivedMail cancellation = mail.get(2);

        assertThat(invitation.subject()).startsWith("Inbjudan: Uppföljning");
        assertThat(invitation.calendarContentType()).isEqualTo("text/calendar; method=REQUEST; charset=UTF-8");
        assertThat(value(invitation.calendar(), "METHOD")).isEqualTo("REQUEST");
        assertThat(value(invitation.event(), "UID")).isEqualTo(booked.meeting().calendarUid());
        assertThat(value(invitation.event(), "SEQUENCE")).isEqualTo("0");
        assertThat(value(invitation.event(), "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(invitation.event(), "ATTENDEE")).isEqualTo("mailto:" + anna.email());
        assertThat(value(invitation.event(), "URL")).contains("/m/");

        assertThat(update.subject()).startsWith("Ändrad: Uppföljning");
        assertThat(value(update.calendar(), "METHOD")).isEqualTo("REQUEST");
        assertThat(value(update.event(), "UID")).isEqualTo(booked.meeting().calendarUid());
        assertThat(value(update.event(), "SEQUENCE")).isEqualTo("1");
        assertThat(value(update.event(), "DTSTART")).isNotEqualTo(value(invitation.event(), "DTSTART"));

        assertThat(cancellation.subject()).startsWith("Inställd: Uppföljning");
        assertThat(cancellation.calendarContentType()).isEqualTo("text/calendar; method=CANCEL; charset=UTF-8");
        assertThat(value(cancellation.calendar(), "METHOD")).isEqualTo("CANCEL");
        assertThat(value(cancellation.event(), "UID"))
                .isEqualTo(booked.meeting().calendarUid());
        assertThat(value(cancellation.event(), "SEQUENCE")).isEqualTo("2");
        assertThat(value(cancellation.event(), "STATUS")).isEqualTo("CANCELLED");

        List<String> rowIds =
                jdbc.sql("""
                select message_id from outbox_message where meeting_id = ? and channel = 'EMAIL' order by created_at""").param(booked.id()).query(String.class).list();
        assertThat(List.of(invitation.messageId(), update.messageId(), cancellation.messageId()))
                .containsExactlyElementsOf(rowIds);
        assertThat(deliveries.forMeeting(booked.id()))
                .filteredOn(delivery -> delivery.channel().equals("EMAIL"))
                .hasSize(3)
                .allSatisfy(delivery -> {
                    assertThat(delivery.inviteeId()).isEqualTo(booked.invitee(0));
                    assertThat(delivery.status()).isEqualTo("SENT");
                    assertThat(delivery.sentAt()).isNotNull();
                });
    }

    @Test
    void addedInviteesAreInvitedRemovedOnesCancelledAndTheRestLeftAlone() throws Exception {
        InviteeRequest anna = TestBookings.guest("Anna Andersson", false);
        InviteeRequest cecilia = TestBookings.guest("Cecilia Carlsson", false);
        Booked booked = bookings.book(followUp(fixtures.tenant())
                .title("Samråd " + TestBookings.unique())
                .language("en")
                .invitees(anna, cecilia));
        worker.deliverDue();
        InviteeRequest bo = TestBookings.guest("Bo Berg", false);

        // Bo alone first: a change that also takes someone off moves the SEQUENCE (RFC 5546), and his is the first
        bookings.changeInvitees(booked, List.of(bo), List.of());
        bookings.changeInvitees(booked, List.of(), List.of(booked.invitee(0)));
        worker.deliverDue();

        assertThat(ReceivedMail.to(cecilia.email())).hasSize(1);
        assertThat(ReceivedMail.to(bo.email())).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Invitation: Samråd");
            assertThat(value(mail.calendar(), "METHOD")).isEqualTo("REQUEST");
            assertThat(value(mail.event(), "SEQUENCE")).isEqualTo("0");
        });
        List<ReceivedMail> annas = ReceivedMail.to(anna.email());
        assertThat(annas).hasSize(2);
        assertThat(annas.get(1).subject()).startsWith("Cancelled: Samråd");
        assertThat(value(annas.get(1).calendar(), "METHOD")).isEqualTo("CANCEL");
        assertThat(value(annas.get(1).event(), "UID"))
                .isEqualTo(booked.meeting().calendarUid());
    }

    @Test
    void nothingIsQueuedWhenTheBookingRollsBack() {
        InviteeRequest anna = TestBookings.guest("Anna Andersson", false);
        Booked booked =
                bookings.book(followUp(fixtures.tenant()).title("Uppföljning").invitees(anna));

        bookings.cancelAndRollBack(booked);

        assertThat(deliveries.forMeeting(booked.id())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_event where subject = ? and action = 'invitations.queued'")
                        .param(booked.id().toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void smsWithoutAGatewayGoesToTheDevMailboxInEmbeddedModeAndIsNotQueuedInProduction() {
        InviteeRequest anna = TestBookings.guest("Anna Andersson", true);
        Booked booked =
                bookings.book(followUp(fixtures.tenant()).title("Uppföljning").invitees(anna));

        worker.deliverDue();

        List<Delivery> sms = deliveries.forMeeting(booked.id()).stream()
                .filter(delivery -> delivery.channel().equals("SMS"))
                .toList();
        if (mode.embedded()) {
            assertThat(sms)
                    .singleElement()
                    .satisfies(delivery -> assertThat(delivery.status()).isEqualTo("SENT"));
            assertThat(jdbc.sql("select delivered_via from outbox_message where meeting_id = ? and channel = 'SMS'")
                            .param(booked.id())
                            .query(String.class)
                            .single())
                    .isEqualTo("DEV_MAILBOX");
        } else {
            assertThat(sms).isEmpty();
        }
        assertThat(ReceivedMail.to(anna.email())).hasSize(1);
    }
}
