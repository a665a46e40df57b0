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
import se.portvakt.config.SqlTime;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.StaffId;
import se.portvakt.person.PersonalIdentityNumber;
import se.portvakt.person.PinVault;

/** The staff of all organisations: who they are, their roles, their login state. */
@Component
public class StaffDirectory {

    private static final String COLUMNS =
            "id, organisation_id, email, display_name, password_hash, roles, enabled, password_change_required";

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
                .param(pins.index(pin))
                .query(StaffDirectory::map)
                .optional();
    }

    /** Whether another staff user already carries this personal identity number. */
    public boolean personalIdentityNumberTaken(PersonalIdentityNumber pin) {
        return byPersonalIdentityNumber(pin).isPresent();
    }

    /** Lets the staff user log in with BankID or Freja eID as the holder of {@code pin}. */
    public void setPersonalIdentityNumber(StaffId staffId, PersonalIdentityNumber pin) {
        jdbc.sql("update staff_user set pin_encrypted = ?, pin_index = ? where id = ?")
                .params(pins.encrypt(pin), pins.index(pin), staffId.value())
                .update();
    }

    /** The member known by this HSA-id (SITHS card, or an identity provider's claim). */
    public Optional<StaffUser> byHsaId(String hsaId) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where hsa_id = ?")
                .param(normaliseHsaId(hsaId))
                .query(StaffDirectory::map)
                .optional();
    }

    /** Lets the member sign in with a SITHS card or a claim carrying this HSA-id; null removes it. */
    public void setHsaId(StaffId staffId, String hsaId) {
        jdbc.sql("update staff_user set hsa_id = ? where id = ?")
                .params(hsaId == null || hsaId.isBlank() ? null : normaliseHsaId(hsaId), staffId.value())
                .update();
    }

    /** HSA-ids are compared in upper case without surrounding blanks. */
    public static String normaliseHsaId(String hsaId) {
        return hsaId == null ? "" : hsaId.strip().toUpperCase(Locale.ROOT);
    }

    public Optional<StaffUser> byEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where email = ?")
                .param(normalise(email))
                .query(StaffDirectory::map)
                .optional();
    }

    public Optional<StaffUser> byId(OrganisationId organisationId, StaffId id) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where organisation_id = ? and id = ?")
                .params(organisationId.value(), id.value())
                .query(StaffDirectory::map)
                .optional();
    }

    /** Any organisation's member: for a one-time link, which names the member and nothing else. */
    public Optional<StaffUser> byId(StaffId id) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where id = ?")
                .param(id.value())
                .query(StaffDirectory::map)
                .optional();
    }

    public List<StaffUser> of(OrganisationId organisationId) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where organisation_id = ? order by display_name")
                .param(organisationId.value())
                .query(StaffDirectory::map)
                .list();
    }

    public List<StaffUser> hostsOf(OrganisationId organisationId) {
        return of(organisationId).stream().filter(StaffUser::isHost).toList();
    }

    public boolean emailTaken(String email) {
        return byEmail(email).isPresent();
    }

    /** Adds a staff user with a password; the caller has checked the input. */
    public StaffUser add(
            OrganisationId organisationId, String email, String displayName, Set<Role> roles, String password) {
        StaffId id = new StaffId(UUID.randomUUID());
        jdbc.sql("""
                insert into staff_user (id, organisation_id, email, display_name, password_hash, roles, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id.value(),
                        organisationId.value(),
                        normalise(email),
                        displayName.strip(),
                        passwords.encode(password),
                        roleList(roles),
                        SqlTime.of(clock.instant()))
                .update();
        return byId(organisationId, id).orElseThrow();
    }

    /** Adds a member without a password: they set one through an invitation link, or sign in another way. */
    public StaffUser addWithoutPassword(
            OrganisationId organisationId, String email, String displayName, Set<Role> roles) {
        StaffId id = new StaffId(UUID.randomUUID());
        jdbc.sql("""
                insert into staff_user (id, organisation_id, email, display_name, roles, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(
                        id.value(),
                        organisationId.value(),
                        normalise(email),
                        displayName.strip(),
                        roleList(roles),
                        SqlTime.of(clock.instant()))
                .update();
        return byId(organisationId, id).orElseThrow();
    }

    /** Sets the member's password (the caller checked its length); no change is required of them after. */
    public void setPassword(StaffId staffId, String password) {
        jdbc.sql("update staff_user set password_hash = ?, password_change_required = false where id = ?")
                .params(passwords.encode(password), staffId.value())
                .update();
    }

    /** Whether {@code password} is the member's current one. */
    public boolean passwordMatches(StaffId staffId, String password) {
        return byId(staffId)
                .map(StaffUser::passwordHash)
                .filter(hash -> password != null && passwords.matches(password, hash))
                .isPresent();
    }

    /** The member must choose a new password before anything else (a password someone else chose). */
    public void requirePasswordChange(StaffId staffId) {
        jdbc.sql("update staff_user set password_change_required = true where id = ?")
                .param(staffId.value())
                .update();
    }

    /** Activates or deactivates a member of this organisation; false if there is none such or no change. */
    public boolean setEnabled(OrganisationId organisationId, StaffId staffId, boolean enabled) {
        return jdbc.sql("update staff_user set enabled = ? where organisation_id = ? and id = ? and enabled = ?")
                        .params(enabled, organisationId.value(), staffId.value(), !enabled)
                        .update()
                == 1;
    }

    /** Sets a member's roles; false if there is no such member of this organisation. */
    public boolean setRoles(OrganisationId organisationId, StaffId staffId, Set<Role> roles) {
        return jdbc.sql("update staff_user set roles = ? where organisation_id = ? and id = ?")
                        .params(roleList(roles), organisationId.value(), staffId.value())
                        .update()
                == 1;
    }

    /** The organisation's active administrators. */
    public long activeAdmins(OrganisationId organisationId) {
        return of(organisationId).stream()
                .filter(user -> user.enabled() && user.isAdmin())
                .count();
    }

    private static String roleList(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static StaffUser map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString(6).split(","))
                .filter(r -> !r.isBlank())
                .map(Role::valueOf)
                .forEach(roles::add);
        return new StaffUser(
                new StaffId(rs.getObject(1, UUID.class)),
                new OrganisationId(rs.getObject(2, UUID.class)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                roles,
                rs.getBoolean(7),
                rs.getBoolean(8));
    }
}
