package se.portvakt.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.followUp;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.Fixtures;
import se.portvakt.IntegrationTest;
import se.portvakt.TestClock;
import se.portvakt.TestMailServer;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;

/** The outbox loses nothing when the mail server is out, and sends nothing twice when workers race. */
@IntegrationTest
class OutboxResilienceIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestBookings bookings;

    @Autowired
    OutboxWorker worker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    InvitationProperties properties;

    @AfterEach
    void restore() {
        TestMailServer.start();
        clock.reset();
    }

    @Test
    void aMessageIsSentOnceTheMailServerIsBack() {
        InviteeRequest anna = TestBookings.guest("Anna Andersson", false);
        TestMailServer.stop();
        Booked booked =
                bookings.book(followUp(fixtures.tenant()).title("Uppföljning").invitees(anna));

        worker.deliverDue();

        Row failed = email(booked);
        assertThat(failed.status()).isEqualTo("PENDING");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(failed.nextAttemptAt()).isAfter(clock.instant().plus(Duration.ofSeconds(20)));

        TestMailServer.start();
        worker.deliverDue();
        assertThat(ReceivedMail.to(anna.email()))
                .as("not due before the backoff has passed")
                .isEmpty();

        clock.advance(Backoff.DEFAULT.after(1).plusSeconds(1));
        worker.deliverDue();
        assertThat(ReceivedMail.to(anna.email())).hasSize(1);
        worker.deliverDue();
        assertThat(ReceivedMail.to(anna.email())).hasSize(1);

        Row sent = email(booked);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.deliveredVia()).isEqualTo("SMTP");
    }

    @Test
    void afterTheLastAttemptAMessageIsFailedAndTheErrorKept() {
        InviteeRequest anna = TestBookings.guest("Anna Andersson", false);
        Booked booked =
                bookings.book(followUp(fixtures.tenant()).title("Uppföljning").invitees(anna));
        // as if every attempt but the last had already failed
        jdbc.sql("update outbox_message set attempts = ? where meeting_id = ?")
                .params(properties.maxAttempts() - 1, booked.id())
                .update();
        TestMailServer.stop();

        worker.deliverDue();

        Row failed = email(booked);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(properties.maxAttempts());
        assertThat(failed.lastError()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from audit_event where subject = ? and action = 'invitation.failed'")
                        .param(booked.id().toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        TestMailServer.start();
        clock.advance(Duration.ofDays(1));
        worker.deliverDue();
        assertThat(ReceivedMail.to(anna.email())).isEmpty();
    }

    @Test
    void aClaimThatRanOutIsTakenOverAsIfItsSenderHadCrashed() {
        InviteeRequest anna = TestBookings.guest("Anna Andersson", false);
        Booked booked =
                bookings.book(followUp(fixtures.tenant()).title("Uppföljning").invitees(anna));
        UUID id = email(booked).id();
        Instant now = clock.instant();
        jdbc.sql("update outbox_message set status = 'SENDING', claimed_until = ?, attempts = 1 where id = ?")
                .params(now.plus(OutboxWorker.CLAIM).atOffset(ZoneOffset.UTC), id)
                .update();

        worker.deliverDue();
        assertThat(ReceivedMail.to(anna.email()))
                .as("another node still holds it")
                .isEmpty();

        clock.advance(OutboxWorker.CLAIM.plusSeconds(1));
        worker.deliverDue();
        assertThat(ReceivedMail.to(anna.email())).hasSize(1);
        assertThat(email(booked).status()).isEqualTo("SENT");
    }

    @Test
    void workersRacingForTheSameMessagesSendEachOnce() throws Exception {
        List<InviteeRequest> guests = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            guests.add(TestBookings.guest("Gäst " + i, false));
        }
        Booked booked = bookings.book(
                followUp(fixtures.tenant()).title("Stormöte").invitees(guests.toArray(InviteeRequest[]::new)));
        int workers = 4;
        CyclicBarrier start = new CyclicBarrier(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    // until nothing is due: a batch is the oldest due rows of the whole shared database, and
                    // other tests' leftovers (PostgreSQL keeps them over the run) filled it before this meeting's
                    // last invitation
                    int delivered = 0;
                    for (int now = worker.deliverDue(); now > 0; now = worker.deliverDue()) {
                        delivered += now;
                    }
                    return delivered;
                }));
            }
            for (Future<Integer> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }

        for (InviteeRequest guest : guests) {
            assertThat(ReceivedMail.to(guest.email())).as(guest.name()).hasSize(1);
        }
        assertThat(jdbc.sql("select status, attempts from outbox_message where meeting_id = ?")
                        .param(booked.id())
                        .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2))
                        .list())
                .hasSize(guests.size())
                .containsOnly("SENT/1");
    }

    record Row(UUID id, String status, int attempts, String lastError, Instant nextAttemptAt, String deliveredVia) {}

    private Row email(Booked booked) {
        return jdbc.sql("""
                select id, status, attempts, last_error, next_attempt_at, delivered_via from outbox_message
                where meeting_id = ? and channel = 'EMAIL'""")
                .param(booked.id())
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getString(6)))
                .single();
    }
}
