package se.portvakt.guest;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.Meetings;
import se.portvakt.identity.EidMethod;
import se.portvakt.identity.EidRules;
import se.portvakt.identity.VerifiedPerson;

/**
 * What a guest's e-legitimation came to: checked against the invitation and the organisation's rules, written
 * to the audit log (masked identity, simulated marked), and on success recorded in the browser session.
 */
@Component
class GuestEidOutcomes {

    private final Meetings meetings;
    private final EidRules rules;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    GuestEidOutcomes(Meetings meetings, EidRules rules, AuditLog audit, MessageSource messages, Clock clock) {
        this.meetings = meetings;
        this.rules = rules;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    void started(Visit visit, EidMethod method, boolean qr) {
        record(visit, "guest.eid.started", method + (qr ? " by QR code" : " on the same device"));
    }

    void cancelled(Visit visit, EidMethod method) {
        record(visit, "guest.eid.cancelled", method + " cancelled by the guest");
    }

    void failed(Visit visit, EidMethod method, String messageKey) {
        record(visit, "guest.eid.failed", method + ": " + messageKey);
    }

    /** Empty when the guest now counts as the invitee; otherwise the refusal in plain words. */
    Optional<String> completed(Visit visit, VerifiedPerson person, HttpServletRequest request, Locale locale) {
        String who = person.method() + " " + person.personalIdentityNumber().masked()
                + (person.simulated() ? " (SIMULATED)" : "");
        boolean invitedPerson = meetings.invitedPerson(visit.invitee().id())
                .map(expected -> expected.equals(person.personalIdentityNumber())).orElse(true);
        if (!invitedPerson) {
            record(visit, "guest.eid.refused", who + ": not the person the invitation names");
            return Optional.of(messages.getMessage("guest.eid.refused.other-person", null, locale));
        }
        Optional<EidRules.Refusal> refusal = rules.refusal(visit.meeting().organisationId(), visit.meeting().zone(),
                person);
        if (refusal.isPresent()) {
            record(visit, "guest.eid.refused", who + ": " + refusal.get().messageKey());
            return Optional.of(messages.getMessage(refusal.get().messageKey(), refusal.get().arguments(), locale));
        }
        GuestSessions.identified(request, new GuestIdentity(visit.invitee().id(), visit.meeting().id(),
                person.method() == EidMethod.BANKID ? IdentificationMethod.BANKID : IdentificationMethod.FREJA,
                AssuranceLevel.LOA3, person.name(), person.simulated(), clock.instant()));
        record(visit, "guest.eid.verified", who + ", level LOA3");
        return Optional.empty();
    }

    private void record(Visit visit, String action, String detail) {
        audit.record(visit.meeting().organisationId(), "guest:" + visit.invitee().id(), action,
                visit.invitee().id().toString(), "meeting " + visit.meeting().id() + ": " + detail);
    }
}
