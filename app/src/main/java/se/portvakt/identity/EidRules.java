package se.portvakt.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.portvakt.config.SqlTime;
import se.portvakt.ids.OrganisationId;

/**
 * Each organisation's rules for e-legitimation: which products it accepts and from what age. Settings, not
 * code: a school's health service and a bank draw these lines differently.
 */
@Service
public class EidRules {

    /**
     * @param minimumAge years, or null for none
     * @param accepted the e-legitimations accepted at LOA3
     */
    public record Rules(Integer minimumAge, Set<EidMethod> accepted) {

        public static final Rules DEFAULT = new Rules(null, EnumSet.allOf(EidMethod.class));

        public Rules {
            accepted = accepted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(accepted));
        }
    }

    /** Why a verified person is refused, as a message key in i18n/identity; empty when the rules allow them. */
    public record Refusal(String messageKey, Object[] arguments) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    EidRules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Rules of(OrganisationId organisationId) {
        return jdbc.sql("select minimum_age, accepted from eid_rule where organisation_id = ?")
                .param(organisationId.value())
                .query((rs, n) -> new Rules((Integer) rs.getObject(1, Integer.class), parse(rs.getString(2))))
                .optional()
                .orElse(Rules.DEFAULT);
    }

    @Transactional
    public void save(OrganisationId organisationId, Rules rules) {
        String accepted = rules.accepted().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        int updated = jdbc.sql(
                        "update eid_rule set minimum_age = ?, accepted = ?, updated_at = ? where organisation_id = ?")
                .params(rules.minimumAge(), accepted, SqlTime.of(clock.instant()), organisationId.value())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into eid_rule (organisation_id, minimum_age, accepted, updated_at) values (?, ?, ?, ?)")
                    .params(organisationId.value(), rules.minimumAge(), accepted, SqlTime.of(clock.instant()))
                    .update();
        }
    }

    /** Checks a verified person against the organisation's rules, on today's date in its time zone. */
    public Optional<Refusal> refusal(OrganisationId organisationId, ZoneId zone, VerifiedPerson person) {
        Rules rules = of(organisationId);
        if (!rules.accepted().contains(person.method())) {
            return Optional.of(new Refusal(
                    "identity.eid.refused.product",
                    new Object[] {person.method() == EidMethod.BANKID ? "BankID" : "Freja eID"}));
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (rules.minimumAge() != null && person.personalIdentityNumber().ageOn(today) < rules.minimumAge()) {
            return Optional.of(new Refusal("identity.eid.refused.age", new Object[] {rules.minimumAge()}));
        }
        return Optional.empty();
    }

    private static Set<EidMethod> parse(String accepted) {
        if (accepted == null || accepted.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(accepted.split(","))
                .map(String::strip)
                .map(EidMethod::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EidMethod.class)));
    }
}
