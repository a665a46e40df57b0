package se.portvakt.organisation;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.StaffId;

/**
 * An administrator's changes to a member of their own organisation, each audited with the administrator as
 * actor. Every method takes the administrator's organisation and touches only that organisation's members.
 */
@Component
public class StaffLifecycle {

    /** Why a change was refused. */
    public enum Refusal {
        NO_SUCH_MEMBER,
        LAST_ADMIN,
        NO_ROLE
    }

    private final StaffDirectory staff;
    private final StaffSessions sessions;
    private final ApiKeys apiKeys;
    private final PasswordLinks links;
    private final AuditLog audit;

    StaffLifecycle(StaffDirectory staff, StaffSessions sessions, ApiKeys apiKeys, PasswordLinks links, AuditLog audit) {
        this.staff = staff;
        this.sessions = sessions;
        this.apiKeys = apiKeys;
        this.links = links;
        this.audit = audit;
    }

    /** Adds a member without a password and e-mails them a one-time link to set one. */
    @Transactional
    public StaffUser invite(
            OrganisationId organisationId, StaffId adminId, String email, String displayName, Set<Role> roles) {
        StaffUser invited = staff.addWithoutPassword(organisationId, email, displayName, roles);
        links.issue(invited, PasswordLinks.Purpose.INVITATION);
        audit.record(AuditEntry.of(organisationId, AuditAction.STAFF_INVITED, AuditActor.staff(adminId))
                .subject(invited.id())
                .detail("roles", roles));
        return invited;
    }

    /** Sends a fresh invitation link to a member who has not set a password yet. */
    @Transactional
    public boolean reinvite(OrganisationId organisationId, StaffId adminId, StaffId staffId) {
        return staff.byId(organisationId, staffId)
                .filter(StaffUser::enabled)
                .map(member -> {
                    links.issue(
                            member,
                            member.passwordHash() == null
                                    ? PasswordLinks.Purpose.INVITATION
                                    : PasswordLinks.Purpose.RESET);
                    audit.record(AuditEntry.of(organisationId, AuditAction.STAFF_INVITED, AuditActor.staff(adminId))
                            .subject(staffId)
                            .detail("again", true));
                    return true;
                })
                .orElse(false);
    }

    /**
     * Deactivates a member: no login of any kind from now on, their sessions end on every node, their unused
     * links and the API keys they made are revoked. The organisation keeps at least one active administrator.
     */
    @Transactional
    public Refusal deactivate(OrganisationId organisationId, StaffId adminId, StaffId staffId) {
        StaffUser member = staff.byId(organisationId, staffId).orElse(null);
        if (member == null) {
            return Refusal.NO_SUCH_MEMBER;
        }
        if (member.enabled() && member.isAdmin() && staff.activeAdmins(organisationId) <= 1) {
            return Refusal.LAST_ADMIN;
        }
        if (staff.setEnabled(organisationId, staffId, false)) {
            int ended = sessions.endAll(member);
            links.cancelAll(staffId);
            List<UUID> revoked = apiKeys.revokeMadeBy(organisationId, staffId);
            revoked.forEach(key ->
                    audit.record(AuditEntry.of(organisationId, AuditAction.API_KEY_REVOKED, AuditActor.staff(adminId))
                            .subject(key)
                            .detail("reason", "maker deactivated")));
            audit.record(AuditEntry.of(organisationId, AuditAction.STAFF_DISABLED, AuditActor.staff(adminId))
                    .subject(staffId)
                    .detail("sessionsEnded", ended)
                    .detail("apiKeysRevoked", revoked.size()));
        }
        return null;
    }

    /** Lets a deactivated member log in again (their revoked API keys stay revoked). */
    @Transactional
    public Refusal reactivate(OrganisationId organisationId, StaffId adminId, StaffId staffId) {
        if (staff.byId(organisationId, staffId).isEmpty()) {
            return Refusal.NO_SUCH_MEMBER;
        }
        if (staff.setEnabled(organisationId, staffId, true)) {
            audit.record(AuditEntry.of(organisationId, AuditAction.STAFF_ENABLED, AuditActor.staff(adminId))
                    .subject(staffId));
        }
        return null;
    }

    /** Sets a member's roles; their sessions end so that the new roles hold from their next login. */
    @Transactional
    public Refusal changeRoles(OrganisationId organisationId, StaffId adminId, StaffId staffId, Set<Role> roles) {
        StaffUser member = staff.byId(organisationId, staffId).orElse(null);
        if (member == null) {
            return Refusal.NO_SUCH_MEMBER;
        }
        if (roles.isEmpty()) {
            return Refusal.NO_ROLE;
        }
        if (member.enabled()
                && member.isAdmin()
                && !roles.contains(Role.ADMIN)
                && staff.activeAdmins(organisationId) <= 1) {
            return Refusal.LAST_ADMIN;
        }
        if (!member.roles().equals(roles)) {
            staff.setRoles(organisationId, staffId, roles);
            sessions.endAll(member);
            audit.record(AuditEntry.of(organisationId, AuditAction.STAFF_ROLES_CHANGED, AuditActor.staff(adminId))
                    .subject(staffId)
                    .detail("from", member.roles())
                    .detail("to", roles));
        }
        return null;
    }
}
