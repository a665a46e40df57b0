package se.portvakt.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.portvakt.person.PersonalIdentityNumber;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything Portvakt holds about one person in one organisation (GDPR art. 15), as JSON: what every
 * {@link PersonalDataHolder} has, and the audit records about them. Handed out through the organisation's
 * administrator (the citizen portal does not exist yet); the export itself is audited by the caller.
 */
@Component
public class PersonalDataExport {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final List<PersonalDataHolder> holders;
    private final AuditSearch search;
    private final Clock clock;

    PersonalDataExport(List<PersonalDataHolder> holders, AuditSearch search, Clock clock) {
        this.holders = holders;
        this.search = search;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public String json(UUID organisationId, PersonalIdentityNumber person) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("organisation", organisationId);
        document.put("identityNumber", person.masked());
        document.put("exportedAt", clock.instant().toString());
        for (PersonalDataHolder holder : holders) {
            PersonalDataHolder.PersonalData data = holder.about(organisationId, person);
            document.put(data.source(), data.items());
        }
        List<Map<String, Object>> records = new ArrayList<>();
        AuditQuery query = new AuditQuery(organisationId, null, search.personIndex(person), null, null, null);
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
        return JSON.writeValueAsString(document);
    }
}
