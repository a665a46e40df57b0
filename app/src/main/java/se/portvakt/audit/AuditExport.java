package se.portvakt.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search's records as CSV or JSON with the chain proof: every record's link and the link before it, so each can
 * be recomputed on its own (docs/audit.md says how), and in JSON the chain's signed checkpoints and the service's
 * public key.
 */
@Component
public class AuditExport {

    /** More than any one export needs; a longer period is exported in parts. */
    public static final int MAX_RECORDS = 100_000;

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final List<String> CSV_COLUMNS = List.of(
            "id",
            "chain_seq",
            "occurred_at",
            "action",
            "actor",
            "subject",
            "meeting_id",
            "person_index",
            "method",
            "assurance_level",
            "simulated",
            "detail",
            "personal",
            "personal_hash",
            "personal_purged_at",
            "previous_link",
            "link");

    private final AuditSearch search;
    private final AuditChains chains;
    private final AuditVerifier verifier;
    private final CheckpointSigner signer;
    private final Clock clock;

    AuditExport(AuditSearch search, AuditChains chains, AuditVerifier verifier, CheckpointSigner signer, Clock clock) {
        this.search = search;
        this.chains = chains;
        this.verifier = verifier;
        this.signer = signer;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public String csv(AuditQuery query) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Map<String, Object> row : rows(query)) {
            out.append(CSV_COLUMNS.stream()
                            .map(column -> csvField(row.get(column)))
                            .collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }

    @Transactional(readOnly = true)
    public String json(AuditQuery query) {
        String chain = AuditChains.key(query.organisationId().value());
        ChainReport report = verifier.verify(query.organisationId().value());
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("chain", chain);
        proof.put("hash", "SHA-256 over the previous link and the record's fields, see docs/audit.md");
        proof.put("intact", report.intact());
        proof.put("broken", report.broken());
        proof.put("records", report.records());
        proof.put("signature", "Ed25519");
        proof.put("publicKey", signer.publicKeyBase64());
        proof.put("checkpoints", chains.checkpoints(chain));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("organisation", query.organisationId());
        document.put("exportedAt", clock.instant().toString());
        document.put("query", query(query));
        document.put("proof", proof);
        document.put("records", rows(query));
        return JSON.writeValueAsString(document);
    }

    private List<Map<String, Object>> rows(AuditQuery query) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AuditEvent event : search.find(query, 0, MAX_RECORDS)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", event.id());
            row.put("chain_seq", event.chainSeq());
            row.put("occurred_at", event.occurredAt().toString());
            row.put("action", event.code());
            row.put("actor", event.actor());
            row.put("subject", event.subject());
            row.put("meeting_id", event.meetingId());
            row.put("person_index", event.personIndex());
            row.put("method", event.evidence() == null ? null : event.evidence().method());
            row.put(
                    "assurance_level",
                    event.evidence() == null ? null : event.evidence().level());
            row.put("simulated", event.evidence() != null && event.evidence().simulated());
            row.put("detail", event.rawDetail());
            row.put("personal", event.rawPersonal());
            row.put("personal_hash", event.personalHash());
            row.put(
                    "personal_purged_at",
                    event.personalPurgedAt() == null
                            ? null
                            : event.personalPurgedAt().toString());
            row.put(
                    "previous_link",
                    event.chainSeq() == null
                            ? null
                            : search.previousLink(query.organisationId().value(), event.chainSeq()));
            row.put("link", event.chainHash());
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> query(AuditQuery query) {
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("meeting", query.meetingId());
        criteria.put("personIndex", query.personIndex());
        criteria.put("staff", query.staffId());
        criteria.put("from", query.from() == null ? null : query.from().toString());
        criteria.put("to", query.to() == null ? null : query.to().toString());
        return criteria;
    }

    /** RFC 4180; a field a spreadsheet would take for a formula gets a leading apostrophe. */
    static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && Stream.of("=", "+", "-", "@").anyMatch(text::startsWith) && !text.matches("-?\\d.*")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
