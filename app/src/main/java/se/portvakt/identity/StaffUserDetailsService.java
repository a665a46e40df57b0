package se.portvakt.identity;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import se.portvakt.organisation.StaffDirectory;

@Component
class StaffUserDetailsService implements UserDetailsService {

    private final StaffDirectory staff;
    private final Clock clock;

    StaffUserDetailsService(StaffDirectory staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return staff.byEmail(email)
                .filter(user -> user.passwordHash() != null)
                .map(user -> new StaffPrincipal(user, user.lockedAt(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException("No such staff user"));
    }
}
