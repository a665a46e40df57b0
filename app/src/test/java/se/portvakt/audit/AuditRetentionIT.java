package se.portvakt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.Fixtures;
import se.portvakt.IntegrationTest;
import se.portvakt.TestClock;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.Attachments;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.booking.internal.RetentionPurge;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.organisation.Organisations;
import se.portvakt.person.PersonalIdentityNumber;

/** The retention purge on a moved clock: what goes, what stays, and the chain verifying after it. */
@IntegrationTest
class AuditRetentionIT {

    static final String ANNA = "198003152462";

    @Autowired
    Fixtures fixtures;

    @Autowired
    BookingService booking;

    @Autowired
    Attachments attachments;

    @Autowired
    RetentionPurge purge;

    @Autowired
    Organisations organisations;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    Fixtures.Tenant tenant;
    UUID meeting;
    UUID invitee;

    @BeforeEach
    void aMeetingTomorrowWithAnIdentifiedGuest() {
        tenant = fixtures.tenant();
        Instant start = clock.instant().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        meeting = booking.book(
                tenant.actor(),
                new MeetingRequest(
                        "Samtal med Anna Svensson",
                        tenant.room().id().value(),
                        tenant.host().id().value(),
                        start,
                        start.plus(Duration.ofMinutes(45)),
                        AssuranceLevel.LOA3,
                        false,
                        "Anna tar med journalen.",
                        "sv",
                        List.of(new MeetingRequest.InviteeRequest(
                                null, "Anna Svensson", "anna@example.se", "+46701234567", ANNA))));
        invitee = booking.details(meeting).orElseThrow().invitees().get(0).id().value();
        attachments.add(
                tenant.actor(),
                new MeetingId(meeting),
                "Annas-remiss.pdf",
                "%PDF-1.4 remiss".getBytes(StandardCharsets.US_ASCII));
        audit.record(AuditEntry.of(
                        tenant.organisation().id(),
                        AuditAction.GUEST_EID_VERIFIED,
                        AuditActor.guest(new InviteeId(invitee)))
                .meeting(new MeetingId(meeting))
                .subject(invitee)
                .person(PersonalIdentityNumber.parse(ANNA).orElseThrow())
                .evidence("BANKID", "LOA3", true)
                .personal("verifiedName", "Anna Svensson"));
        sealer.sealPending();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void personalDataStaysUntilTheRetentionHasRunOutThenGoesAndTheChainStillVerifies() {
        clock.advance(Duration.ofDays(30)); // the meeting ended 29 days ago: within the default 30 days
        purge.purgeDue();
        assertThat(inviteeName()).isEqualTo("Anna Svensson");
        assertThat(outboxMessages()).isPositive();

        clock.advance(Duration.ofDays(2));
        assertThat(purge.purgeDue()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select name, email, mobile, pin_encrypted, pin_index from invitee where id = ?")
                        .param(invitee)
                        .query((rs, n) -> List.of(
                                rs.getString(1),
                                String.valueOf(rs.getString(2)),
                                String.valueOf(rs.getString(3)),
                                String.valueOf(rs.getString(4)),
                                String.valueOf(rs.getString(5))))
                        .single())
                .containsExactly("", "purged@purged.invalid", "null", "null", "null");
        assertThat(jdbc.sql("select count(*) from attachment where meeting_id = ?")
                        .param(meeting)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(outboxMessages()).isZero();
        assertThat(jdbc.sql("select title, information from meeting where id = ?")
                        .param(meeting)
                        .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
                        .single())
                .isEqualTo("–|null");
        assertThat(jdbc.sql("select count(*) from audit_event where meeting_id = ? and personal is not null")
                        .param(meeting)
                        .query(Long.class)
                        .single())
                .as("no personal data left in the audit log")
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where meeting_id = ? and person_index is not null")
                        .param(meeting)
                        .query(Long.class)
                        .single())
                .as("the person can still be found by number")
                .isOne();

        AuditEvent purged = audit.latest(tenant.organisation().id(), 50).stream()
                .filter(event -> event.action() == AuditAction.PERSONAL_DATA_PURGED)
                .findFirst()
                .orElseThrow();
        assertThat(purged.meetingId().value()).isEqualTo(meeting);
        assertThat(purged.actor()).isEqualTo("system");
        assertThat(purged.details())
                .containsEntry("invitees", "1")
                .containsEntry("attachments", "1")
                .containsEntry("auditPersonalData", "2")
                .containsKey("messages");

        sealer.sealPending();
        ChainReport report = verifier.verify(tenant.organisation().id().value());
        assertThat(report.intact()).as(String.valueOf(report.broken())).isTrue();
        assertThat(report.unsealed()).isZero();

        assertThat(purge.purgeDue()).as("purged once").isZero();
    }

    @Test
    void aShorterRetentionPurgesSooner() {
        organisations.setRetention(tenant.organisation().id(), 1);
        clock.advance(Duration.ofDays(3));
        purge.purgeDue();
        assertThat(inviteeName()).isEmpty();
    }

    @Test
    void retentionStaysWithinItsBounds() {
        UUID id = tenant.organisation().id().value();
        assertThat(organisations.retention(new OrganisationId(id))).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> organisations.setRetention(new OrganisationId(id), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> organisations.setRetention(new OrganisationId(id), 731))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String inviteeName() {
        return jdbc.sql("select name from invitee where id = ?")
                .param(invitee)
                .query(String.class)
                .single();
    }

    private long outboxMessages() {
        return jdbc.sql("select count(*) from outbox_message where meeting_id = ?")
                .param(meeting)
                .query(Long.class)
                .single();
    }
}
