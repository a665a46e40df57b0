package se.portvakt.audit;

import java.util.UUID;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.StaffId;

/**
 * Who caused an audit record, by id, never by e-mail or name: names change and are personal data, ids are
 * neither. Stored as one string ({@link #value()}), e.g. {@code staff:<uuid>}, which the search matches exactly.
 */
public sealed interface AuditActor {

    AuditActor SYSTEM = new System();

    String value();

    static AuditActor staff(StaffId staffId) {
        return new Staff(staffId);
    }

    static AuditActor guest(InviteeId inviteeId) {
        return new Guest(inviteeId);
    }

    static AuditActor apiKey(UUID keyId) {
        return new ApiKey(keyId);
    }

    /** Someone identified by e-ID who is neither staff nor a guest: the record's person names them. */
    AuditActor PERSON = new Person();

    /** A staff user (host or administrator). */
    record Staff(StaffId staffId) implements AuditActor {
        public String value() {
            return "staff:" + staffId;
        }
    }

    /** A guest, by the invitation they hold. */
    record Guest(InviteeId inviteeId) implements AuditActor {
        public String value() {
            return "guest:" + inviteeId;
        }
    }

    /** Another system, by its API key. */
    record ApiKey(UUID keyId) implements AuditActor {
        public String value() {
            return "api:" + keyId;
        }
    }

    /** The person the record is about ({@link AuditEntry#person}), acting for themselves. */
    record Person() implements AuditActor {
        public String value() {
            return "person";
        }
    }

    /** Portvakt itself: a scheduled job, a listener, the waiting room's state machine. */
    record System() implements AuditActor {
        public String value() {
            return "system";
        }
    }
}
