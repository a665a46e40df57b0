package se.portvakt.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import se.portvakt.person.PersonalIdentityNumber;
import se.portvakt.person.PinVault;
import se.portvakt.config.SqlTime;

/** The staff of all organisations: who they are, their roles, their login state. */
@Component
public class StaffDirectory {

    private static final String COLUMNS =
            "id, organisation_id, email, display_name, password_hash, roles, failed_logins, locked_until, enabled";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final PinVault pins;
    private final Clock clock;

    StaffDirectory(JdbcClient jdbc, PasswordEncoder passwords, PinVault pins, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.pins = pins;
        this.clock = clock;
    }

    /** The staff user an e-legitimation identified, found by the keyed hash of their personal identity number. */
    public Optional<StaffUser> byPersonalIdentityNumber(PersonalIdentityNumber pin) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where pin_index = ?")
                .param(pins.index(pin)).query(StaffDirectory::map).optional();
    }

    /** Whether another staff user already carries this personal identity number. */
    public boolean personalIdentityNumberTaken(PersonalIdentityNumber pin) {
        return byPersonalIdentityNumber(pin).isPresent();
    }

    /** Lets the staff user log in with BankID or Freja eID as the holder of {@code pin}. */
    public void setPersonalIdentityNumber(UUID staffId, PersonalIdentityNumber pin) {
        jdbc.sql("update staff_user set pin_encrypted = ?, pin_index = ? where id = ?")
                .params(pins.encrypt(pin), pins.index(pin), staffId).update();
    }

    public Optional<StaffUser> byEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where email = ?")
                .param(normalise(email)).query(StaffDirectory::map).optional();
    }

    public Optional<StaffUser> byId(UUID organisationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where organisation_id = ? and id = ?")
                .params(organisationId, id).query(StaffDirectory::map).optional();
    }

    public List<StaffUser> of(UUID organisationId) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where organisation_id = ? order by display_name")
                .param(organisationId).query(StaffDirectory::map).list();
    }

    public List<StaffUser> hostsOf(UUID organisationId) {
        return of(organisationId).stream().filter(StaffUser::isHost).toList();
    }

    public boolean emailTaken(String email) {
        return byEmail(email).isPresent();
    }

    /** Adds a staff user with a password; the caller has checked the input. */
    public StaffUser add(UUID organisationId, String email, String displayName, Set<Role> roles, String password) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into staff_user (id, organisation_id, email, display_name, password_hash, roles, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, normalise(email), displayName.strip(), passwords.encode(password),
                        roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                        SqlTime.of(clock.instant()))
                .update();
        return byId(organisationId, id).orElseThrow();
    }

    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static StaffUser map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString(6).split(",")).filter(r -> !r.isBlank()).map(Role::valueOf).forEach(roles::add);
        return new StaffUser(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), roles, rs.getInt(7), SqlTime.read(rs, 8),
                rs.getBoolean(9));
    }
}
