package se.portvakt.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.StaffId;
import se.portvakt.organisation.Role;
import se.portvakt.organisation.StaffUser;

/** The logged-in staff user, as controllers receive it with {@code @AuthenticationPrincipal}. */
public final class StaffPrincipal implements UserDetails {

    private final StaffUser user;
    private final boolean locked;
    private final boolean simulatedEid;

    StaffPrincipal(StaffUser user, boolean locked) {
        this(user, locked, false);
    }

    /** @param simulatedEid true when a local e-legitimation simulator, not a real service, logged the user in */
    StaffPrincipal(StaffUser user, boolean locked, boolean simulatedEid) {
        this.user = user;
        this.locked = locked;
        this.simulatedEid = simulatedEid;
    }

    /** Whether this login came through an e-legitimation simulator: every page says so. */
    public boolean simulatedEid() {
        return simulatedEid;
    }

    public StaffId id() {
        return user.id();
    }

    public OrganisationId organisationId() {
        return user.organisationId();
    }

    public String displayName() {
        return user.displayName();
    }

    /** Whether the member must choose a new password before anything else. */
    public boolean passwordChangeRequired() {
        return user.passwordChangeRequired();
    }

    /** The same login with the member as stored now (after they changed their password). */
    StaffPrincipal refreshed(StaffUser now) {
        return new StaffPrincipal(now, locked, simulatedEid);
    }

    public boolean isAdmin() {
        return user.roles().contains(Role.ADMIN);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = user.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return user.passwordHash();
    }

    @Override
    public String getUsername() {
        return user.email();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return user.enabled();
    }
}
