package se.portvakt.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import se.portvakt.organisation.StaffDirectory;

@Component
class StaffUserDetailsService implements UserDetailsService {

    private final StaffDirectory staff;

    StaffUserDetailsService(StaffDirectory staff) {
        this.staff = staff;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return staff.byEmail(email)
                .filter(user -> user.passwordHash() != null)
                .map(user -> new StaffPrincipal(user, false))
                .orElseThrow(() -> new UsernameNotFoundException("No such staff user"));
    }
}
