package se.portvakt.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.config.SqlTime;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.StaffId;

/**
 * API keys that let an organisation's other systems (a journal, a case system) book meetings.
 * Only a SHA-256 of the secret is kept; the secret is shown once, when it is made.
 */
@Component
public class ApiKeys {

    static final String PREFIX = "pvk_";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A key the system presenting it acts as. */
    public record ApiClient(OrganisationId organisationId, UUID keyId, String name) {}

    public record ApiKeyInfo(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

    /** Makes a key and returns its secret: the only time anyone sees it. */
    public String create(OrganisationId organisationId, String name) {
        return create(organisationId, name, null);
    }

    /** Makes a key on behalf of a staff member ({@code createdBy}, may be null): deactivating them revokes it. */
    public String create(OrganisationId organisationId, String name, StaffId createdBy) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into api_key (id, organisation_id, name, secret_hash, created_at, created_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        organisationId.value(),
                        name.strip(),
                        sha256(secret),
                        SqlTime.of(clock.instant()),
                        createdBy == null ? null : createdBy.value())
                .update();
        return secret;
    }

    public Optional<ApiClient> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiClient> client = jdbc.sql(
                        "select organisation_id, id, name from api_key where secret_hash = ? and revoked_at is null")
                .param(sha256(secret))
                .query((rs, n) -> new ApiClient(
                        new OrganisationId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class), rs.getString(3)))
                .optional();
        client.ifPresent(c -> jdbc.sql("update api_key set last_used_at = ? where id = ?")
                .params(SqlTime.of(clock.instant()), c.keyId())
                .update());
        return client;
    }

    public List<ApiKeyInfo> of(OrganisationId organisationId) {
        return jdbc.sql("""
                select id, name, created_at, last_used_at, revoked_at from api_key
                where organisation_id = ? order by created_at desc""")
                .param(organisationId.value())
                .query((rs, n) -> new ApiKeyInfo(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        SqlTime.read(rs, 3),
                        SqlTime.read(rs, 4),
                        SqlTime.read(rs, 5)))
                .list();
    }

    /** Revokes a key of this organisation; false if there is none such. */
    public boolean revoke(OrganisationId organisationId, UUID keyId) {
        return jdbc.sql("update api_key set revoked_at = ? where id = ? and organisation_id = ? and revoked_at is null")
                        .params(SqlTime.of(clock.instant()), keyId, organisationId.value())
                        .update()
                == 1;
    }

    /** Revokes every live key the staff member made; returns their ids. */
    public List<UUID> revokeMadeBy(OrganisationId organisationId, StaffId staffId) {
        List<UUID> live = jdbc.sql("""
                select id from api_key where organisation_id = ? and created_by = ? and revoked_at is null""")
                .params(organisationId.value(), staffId.value())
                .query(UUID.class)
                .list();
        live.forEach(id -> revoke(organisationId, id));
        return live;
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
