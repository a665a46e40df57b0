package se.portvakt.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.config.PortvaktProperties;
import se.portvakt.config.SqlTime;
import se.portvakt.ids.StaffId;

/**
 * One-time links that let a staff member set a password: an administrator's invitation, or a reset they asked
 * for. Only a SHA-256 of the token is stored. A link is used once: {@link #redeem} is one conditional UPDATE,
 * so two tabs (or two nodes) cannot both use it. Issuing a new link ends the member's earlier unused ones.
 */
@Component
public class PasswordLinks {

    /** Where the link leads; the token follows as {@code ?token=}. */
    public static final String PATH = "/login/password";

    public enum Purpose {
        INVITATION,
        RESET
    }

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final Organisations organisations;
    private final StaffProperties properties;
    private final PortvaktProperties portvakt;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PasswordLinks(
            JdbcClient jdbc,
            StaffDirectory staff,
            Organisations organisations,
            StaffProperties properties,
            PortvaktProperties portvakt,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.organisations = organisations;
        this.properties = properties;
        this.portvakt = portvakt;
        this.events = events;
        this.clock = clock;
    }

    /** Makes a link for the member and has it e-mailed to them ({@link PasswordLinkIssued}). */
    public void issue(StaffUser member, Purpose purpose) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires =
                now.plus(purpose == Purpose.INVITATION ? properties.invitationValidity() : properties.resetValidity());
        jdbc.sql("update staff_password_token set used_at = ? where staff_id = ? and used_at is null")
                .params(SqlTime.of(now), member.id().value())
                .update();
        jdbc.sql("""
                insert into staff_password_token (id, staff_id, purpose, token_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        member.id().value(),
                        purpose.name(),
                        sha256(token),
                        SqlTime.of(now),
                        SqlTime.of(expires))
                .update();
        String language = organisations.get(member.organisationId()).defaultLanguage();
        events.publishEvent(new PasswordLinkIssued(
                member.organisationId(),
                member.id(),
                member.email(),
                member.displayName(),
                purpose,
                portvakt.baseUrl() + PATH + "?token=" + token,
                expires,
                language));
    }

    /** Whether a reset link went to the member lately ({@link StaffProperties#resetInterval()}). */
    public boolean resetSentLately(StaffId staffId) {
        return jdbc.sql(
                                "select count(*) from staff_password_token where staff_id = ? and purpose = 'RESET' and created_at > ?")
                        .params(staffId.value(), SqlTime.of(clock.instant().minus(properties.resetInterval())))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A usable link's member and purpose, without using it (to show the form). */
    public Optional<Holder> peek(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select staff_id, purpose from staff_password_token
                where token_hash = ? and used_at is null and expires_at > ?""")
                .params(sha256(token), SqlTime.of(clock.instant()))
                .query((rs, n) ->
                        new Holder(new StaffId(rs.getObject(1, UUID.class)), Purpose.valueOf(rs.getString(2))))
                .optional()
                .filter(holder ->
                        staff.byId(holder.staffId()).filter(StaffUser::enabled).isPresent());
    }

    /** Uses the link: its member and purpose, once; empty if unknown, used, expired or the member is inactive. */
    public Optional<Holder> redeem(String token) {
        Optional<Holder> holder = peek(token);
        if (holder.isEmpty()) {
            return holder;
        }
        boolean mine = jdbc.sql("""
                update staff_password_token set used_at = ?
                where token_hash = ? and used_at is null and expires_at > ?""")
                        .params(SqlTime.of(clock.instant()), sha256(token), SqlTime.of(clock.instant()))
                        .update()
                == 1;
        return mine ? holder : Optional.empty();
    }

    /** Ends the member's unused links (deactivation). */
    public void cancelAll(StaffId staffId) {
        jdbc.sql("update staff_password_token set used_at = ? where staff_id = ? and used_at is null")
                .params(SqlTime.of(clock.instant()), staffId.value())
                .update();
    }

    /** Who a link belongs to and what it is for. */
    public record Holder(StaffId staffId, Purpose purpose) {}

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
