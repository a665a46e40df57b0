package se.portvakt.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.portvakt.ids.OrganisationId;
import se.portvakt.person.PersonalIdentityNumber;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything Portvakt holds about one person in one organisation (GDPR art. 15), as JSON: what every
 * {@link PersonalDataHolder} has, and the audit records about them. Handed out through the organisation's
 * administrator, and to the person themself on the citizen portal after an e-ID login (every organisation that
 * holds anything); the export itself is audited by the caller.
 */
@Component
public class PersonalDataExport {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final List<PersonalDataHolder> holders;
    private final AuditSearch search;
    private final Clock clock;
    private final JdbcClient jdbc;

    PersonalDataExport(List<PersonalDataHolder> holders, AuditSearch search, Clock clock, JdbcClient jdbc) {
        this.holders = holders;
        this.search = search;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public String json(UUID organisationId, PersonalIdentityNumber person) {
        return JSON.writeValueAsString(document(organisationId, person));
    }

    /** The organisations holding anything about the person: what the holders know, and audit records about them. */
    @Transactional(readOnly = true)
    public Set<UUID> organisationsHolding(PersonalIdentityNumber person) {
        Set<UUID> organisations = new LinkedHashSet<>();
        holders.forEach(holder -> organisations.addAll(holder.organisationsOf(person)));
        organisations.addAll(jdbc.sql(
                        "select distinct organisation_id from audit_event where person_index = ? and organisation_id is not null")
                .param(search.personIndex(person))
                .query(UUID.class)
                .list());
        return organisations;
    }

    /** One organisation's part, as {@link #json} writes it: field name to value, lists and maps within. */
    @Transactional(readOnly = true)
    public Map<String, Object> document(UUID organisationId, PersonalIdentityNumber person) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("organisation", organisationId);
        document.put("identityNumber", person.masked());
        document.put("exportedAt", clock.instant().toString());
        for (PersonalDataHolder holder : holders) {
            PersonalDataHolder.PersonalData data = holder.about(organisationId, person);
            document.put(data.source(), data.items());
        }
        List<Map<String, Object>> records = new ArrayList<>();
        AuditQuery query =
                new AuditQuery(new OrganisationId(organisationId), null, search.personIndex(person), null, null, null);
        for (AuditEvent event : search.find(query, 0, AuditExport.MAX_RECORDS)) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("occurredAt", event.occurredAt().toString());
            record.put("action", event.code());
            record.put("actor", event.actor());
            record.put("meeting", event.meetingId());
            record.put("evidence", event.evidence());
            record.put("details", event.details());
            record.put("personal", event.personal());
            records.add(record);
        }
        document.put("auditRecords", records);
        return document;
    }

    /** Any export document as indented JSON, the way {@link #json} writes it. */
    public static String write(Object document) {
        return JSON.writeValueAsString(document);
    }
}
