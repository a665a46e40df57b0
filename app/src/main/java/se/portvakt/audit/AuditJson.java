package se.portvakt.audit;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Details as a JSON object of strings, keys in order, so the same details always give the same text. */
final class AuditJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditJson() {}

    static String write(Map<String, String> values) {
        return JSON.writeValueAsString(new TreeMap<>(values));
    }

    /** The details of a stored row; a row from before typed actions held plain text, shown under "text". */
    static SortedMap<String, String> read(String json) {
        if (json == null || json.isBlank()) {
            return new TreeMap<>();
        }
        if (!json.startsWith("{")) {
            return new TreeMap<>(Map.of("text", json));
        }
        return JSON.readValue(json, new TypeReference<TreeMap<String, String>>() {});
    }
}
