package se.portvakt.guest;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
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
        audit.record(entry(visit, AuditAction.GUEST_EID_STARTED)
                .evidence(method, null, false)
                .detail("start", qr ? "QR code" : "same device"));
    }

    void cancelled(Visit visit, EidMethod method) {
        audit.record(entry(visit, AuditAction.GUEST_EID_CANCELLED).evidence(method, null, false));
    }

    void failed(Visit visit, EidMethod method, String messageKey) {
        audit.record(entry(visit, AuditAction.GUEST_EID_FAILED)
                .evidence(method, null, false)
                .detail("message", messageKey));
    }

    /** Empty when the guest now counts as the invitee; otherwise the refusal in plain words. */
    Optional<String> completed(Visit visit, VerifiedPerson person, HttpServletRequest request, Locale locale) {
        AuditEntry identified = entry(visit, AuditAction.GUEST_EID_REFUSED)
                .person(person.personalIdentityNumber())
                .evidence(person.method(), AssuranceLevel.LOA3, person.simulated());
        boolean invitedPerson = meetings.invitedPerson(visit.inviteeId())
                .map(expected -> expected.equals(person.personalIdentityNumber()))
                .orElse(true);
        if (!invitedPerson) {
            audit.record(identified.detail("reason", "not the person the invitation names"));
            return Optional.of(messages.getMessage("guest.eid.refused.other-person", null, locale));
        }
        Optional<EidRules.Refusal> refusal =
                rules.refusal(visit.meeting().organisationId(), visit.meeting().zone(), person);
        if (refusal.isPresent()) {
            audit.record(identified.detail("reason", refusal.get().messageKey()));
            return Optional.of(messages.getMessage(
                    refusal.get().messageKey(), refusal.get().arguments(), locale));
        }
        GuestSessions.identified(
                request,
                new GuestIdentity(
                        visit.inviteeId(),
                        visit.meeting().id(),
                        person.method() == EidMethod.BANKID ? IdentificationMethod.BANKID : IdentificationMethod.FREJA,
                        AssuranceLevel.LOA3,
                        person.name(),
                        person.simulated(),
                        clock.instant()));
        audit.record(entry(visit, AuditAction.GUEST_EID_VERIFIED)
                .person(person.personalIdentityNumber())
                .evidence(person.method(), AssuranceLevel.LOA3, person.simulated())
                .personal("verifiedName", person.name()));
        return Optional.empty();
    }

    private static AuditEntry entry(Visit visit, AuditAction action) {
        return AuditEntry.of(visit.meeting().organisationId(), action, AuditActor.guest(visit.inviteeId()))
                .meeting(visit.meeting().id())
                .subject(visit.inviteeId());
    }
}
