package se.portvakt.invitation;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.portvakt.booking.MeetingBooked;
import se.portvakt.booking.MeetingCancelled;
import se.portvakt.booking.MeetingUpdated;

/**
 * Plays booking's part in the invitation ITs: writes the rows booking would write (V1, V2) and publishes
 * booking's events in the same transaction, as its service does. Every call makes fresh ids and addresses.
 */
final class BookingRows {

    /** An invitee as the test knows it. */
    record Guest(UUID id, String name, String email, String mobile) {}

    /** A booked meeting. */
    record Booked(UUID organisationId, UUID meetingId, String calendarUid, List<Guest> guests) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    BookingRows(JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A guest with an e-mail address and, if {@code withMobile}, a mobile number, both unique. */
    static Guest guest(String name, boolean withMobile) {
        String mobile = withMobile ? "+4670" + (1_000_000 + (int) (Math.random() * 8_999_999)) : null;
        return new Guest(UUID.randomUUID(), name, name.toLowerCase().replace(' ', '.') + "-" + unique() + "@example.se",
                mobile);
    }

    Booked book(String title, String language, Instant now, Guest... guests) {
        UUID organisation = UUID.randomUUID();
        UUID host = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        String unique = unique();
        Instant start = now.plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("insert into organisation (id, name, time_zone, default_language, created_at) values (?,?,?,?,?)")
                    .params(organisation, "Testkommun " + unique, "Europe/Stockholm", language, utc(now)).update();
            jdbc.sql("""
                    insert into staff_user (id, organisation_id, email, display_name, roles, created_at)
                    values (?,?,?,?,?,?)""")
                    .params(host, organisation, "host-" + unique + "@kommun.example", "Vera Värd", "HOST", utc(now))
                    .update();
            jdbc.sql("insert into room (id, organisation_id, name, created_at) values (?,?,?,?)")
                    .params(room, organisation, "Rum " + unique, utc(now)).update();
            jdbc.sql("""
                    insert into meeting (id, organisation_id, room_id, host_id, title, starts_at, ends_at,
                      assurance_level, confidential, information, language, status, calendar_uid, sequence, version,
                      created_at, updated_at)
                    values (?,?,?,?,?,?,?,'LOA2',false,'Ta med läkemedelslistan.',?,'SCHEDULED',?,0,0,?,?)""")
                    .params(meeting, organisation, room, host, title, utc(start), utc(start.plus(Duration.ofMinutes(45))),
                            language, meeting + "@portvakt", utc(now), utc(now))
                    .update();
            for (Guest guest : guests) {
                insertInvitee(meeting, guest, now);
            }
            events.publishEvent(new MeetingBooked(meeting));
        });
        return new Booked(organisation, meeting, meeting + "@portvakt", List.of(guests));
    }

    /** Moves the meeting an hour later: booking bumps SEQUENCE and tells everyone. */
    void move(Booked booked) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    update meeting set starts_at = starts_at + interval '1' hour, ends_at = ends_at + interval '1' hour,
                      sequence = sequence + 1, version = version + 1 where id = ?""")
                    .param(booked.meetingId()).update();
            events.publishEvent(new MeetingUpdated(booked.meetingId(), true, Set.of(), Set.of()));
        });
    }

    /** Adds and removes invitees without touching the meeting's details (SEQUENCE stays). */
    void changeInvitees(Booked booked, List<Guest> added, List<Guest> removed, Instant now) {
        transactions.executeWithoutResult(status -> {
            List<UUID> addedIds = new ArrayList<>();
            for (Guest guest : added) {
                insertInvitee(booked.meetingId(), guest, now);
                addedIds.add(guest.id());
            }
            for (Guest guest : removed) {
                jdbc.sql("update invitee set removed_at = ? where id = ?").params(utc(now), guest.id()).update();
            }
            events.publishEvent(new MeetingUpdated(booked.meetingId(), false, Set.copyOf(addedIds),
                    Set.copyOf(removed.stream().map(Guest::id).toList())));
        });
    }

    void cancel(Booked booked) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("update meeting set status = 'CANCELLED', sequence = sequence + 1, version = version + 1 where id = ?")
                    .param(booked.meetingId()).update();
            events.publishEvent(new MeetingCancelled(booked.meetingId()));
        });
    }

    /** Cancels, then rolls back: as if booking failed after publishing. */
    void cancelAndRollBack(Booked booked) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("update meeting set status = 'CANCELLED', sequence = sequence + 1 where id = ?")
                    .param(booked.meetingId()).update();
            events.publishEvent(new MeetingCancelled(booked.meetingId()));
            status.setRollbackOnly();
        });
    }

    private void insertInvitee(UUID meeting, Guest guest, Instant now) {
        jdbc.sql("insert into invitee (id, meeting_id, name, email, mobile, created_at) values (?,?,?,?,?,?)")
                .params(guest.id(), meeting, guest.name(), guest.email(), guest.mobile(), utc(now)).update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
