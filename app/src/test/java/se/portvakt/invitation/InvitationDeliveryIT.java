package se.portvakt.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.invitation.ReceivedMail.value;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import se.portvakt.IntegrationTest;
import se.portvakt.config.DeploymentMode;
import se.portvakt.invitation.BookingRows.Booked;
import se.portvakt.invitation.BookingRows.Guest;

/** Booking's events become e-mails with a calendar part that real calendar programs act on. */
@IntegrationTest
class InvitationDeliveryIT {

    @Autowired OutboxWorker worker;
    @Autowired InvitationDeliveries deliveries;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired DeploymentMode mode;
    BookingRows booking;

    @Autowired
    void booking(JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        booking = new BookingRows(jdbc, transactions, events);
    }

    @Test
    void theCalendarEntryIsCreatedUpdatedAndCancelledUnderOneUid() throws Exception {
        Guest anna = BookingRows.guest("Anna Andersson", false);
        Booked booked = booking.book("Uppföljning " + BookingRows.unique(), "sv", clock.instant(), anna);
        worker.deliverDue();
        booking.move(booked);
        worker.deliverDue();
        booking.cancel(booked);
        worker.deliverDue();

        List<ReceivedMail> mail = ReceivedMail.to(anna.email());
        assertThat(mail).hasSize(3);
        ReceivedMail invitation = mail.get(0);
        ReceivedMail update = mail.get(1);
        ReceivedMail cancellation = mail.get(2);

        assertThat(invitation.subject()).startsWith("Inbjudan: Uppföljning");
        assertThat(invitation.calendarContentType()).isEqualTo("text/calendar; method=REQUEST; charset=UTF-8");
        assertThat(value(invitation.calendar(), "METHOD")).isEqualTo("REQUEST");
        assertThat(value(invitation.event(), "UID")).isEqualTo(booked.calendarUid());
        assertThat(value(invitation.event(), "SEQUENCE")).isEqualTo("0");
        assertThat(value(invitation.event(), "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(invitation.event(), "ATTENDEE")).isEqualTo("mailto:" + anna.email());
        assertThat(value(invitation.event(), "URL")).contains("/m/");

        assertThat(update.subject()).startsWith("Ändrad: Uppföljning");
        assertThat(value(update.calendar(), "METHOD")).isEqualTo("REQUEST");
        assertThat(value(update.event(), "UID")).isEqualTo(booked.calendarUid());
        assertThat(value(update.event(), "SEQUENCE")).isEqualTo("1");
        assertThat(value(update.event(), "DTSTART")).isNotEqualTo(value(invitation.event(), "DTSTART"));

        assertThat(cancellation.subject()).startsWith("Inställd: Uppföljning");
        assertThat(cancellation.calendarContentType()).isEqualTo("text/calendar; method=CANCEL; charset=UTF-8");
        assertThat(value(cancellation.calendar(), "METHOD")).isEqualTo("CANCEL");
        assertThat(value(cancellation.event(), "UID")).isEqualTo(booked.calendarUid());
        assertThat(value(cancellation.event(), "SEQUENCE")).isEqualTo("2");
        assertThat(value(cancellation.event(), "STATUS")).isEqualTo("CANCELLED");

        List<String> rowIds = jdbc.sql("""
                select message_id from outbox_message where meeting_id = ? and channel = 'EMAIL' order by created_at""")
                .param(booked.meetingId()).query(String.class).list();
        assertThat(List.of(invitation.messageId(), update.messageId(), cancellation.messageId()))
                .containsExactlyElementsOf(rowIds);
        assertThat(deliveries.forMeeting(booked.meetingId()))
                .filteredOn(delivery -> delivery.channel().equals("EMAIL"))
                .hasSize(3)
                .allSatisfy(delivery -> {
                    assertThat(delivery.inviteeId()).isEqualTo(anna.id());
                    assertThat(delivery.status()).isEqualTo("SENT");
                    assertThat(delivery.sentAt()).isNotNull();
                });
    }

    @Test
    void addedInviteesAreInvitedRemovedOnesCancelledAndTheRestLeftAlone() throws Exception {
        Guest anna = BookingRows.guest("Anna Andersson", false);
        Guest cecilia = BookingRows.guest("Cecilia Carlsson", false);
        Booked booked = booking.book("Samråd " + BookingRows.unique(), "en", clock.instant(), anna, cecilia);
        worker.deliverDue();
        Guest bo = BookingRows.guest("Bo Berg", false);

        booking.changeInvitees(booked, List.of(bo), List.of(anna), clock.instant());
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
        assertThat(value(annas.get(1).event(), "UID")).isEqualTo(booked.calendarUid());
    }

    @Test
    void nothingIsQueuedWhenTheBookingRollsBack() {
        Guest anna = BookingRows.guest("Anna Andersson", false);
        Booked booked = booking.book("Uppföljning", "sv", clock.instant(), anna);

        booking.cancelAndRollBack(booked);

        assertThat(deliveries.forMeeting(booked.meetingId())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_event where subject = ? and action = 'invitations.queued'")
                .param(booked.meetingId().toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void smsWithoutAGatewayGoesToTheDevMailboxInEmbeddedModeAndIsNotQueuedInProduction() {
        Guest anna = BookingRows.guest("Anna Andersson", true);
        Booked booked = booking.book("Uppföljning", "sv", clock.instant(), anna);

        worker.deliverDue();

        List<Delivery> sms = deliveries.forMeeting(booked.meetingId()).stream()
                .filter(delivery -> delivery.channel().equals("SMS")).toList();
        if (mode.embedded()) {
            assertThat(sms).singleElement().satisfies(delivery -> assertThat(delivery.status()).isEqualTo("SENT"));
            assertThat(jdbc.sql("select delivered_via from outbox_message where meeting_id = ? and channel = 'SMS'")
                    .param(booked.meetingId()).query(String.class).single()).isEqualTo("DEV_MAILBOX");
        } else {
            assertThat(sms).isEmpty();
        }
        assertThat(ReceivedMail.to(anna.email())).hasSize(1);
    }
}
