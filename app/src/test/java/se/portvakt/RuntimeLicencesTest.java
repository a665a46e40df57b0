package se.portvakt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every runtime dependency is under an OSI-approved licence: public-sector buyers check. The build's own CycloneDX
 * SBOM (made at generate-resources, shipped in the jar) is the list checked, against {@code licences-allowed.txt}.
 */
class RuntimeLicencesTest {

    private static final String SBOM = "/META-INF/sbom/application.cdx.json";
    /** Portvakt's own modules carry no licence of their own in their POMs. */
    private static final String OWN_GROUP = "se.portvakt";

    @Test
    void everyRuntimeDependencyHasAnAllowedLicence() throws IOException {
        AllowList allowed = AllowList.read("/licences-allowed.txt");
        JsonNode components = sbom().get("components");
        List<String> refused = new ArrayList<>();
        int checked = 0;
        for (JsonNode component : components) {
            if (OWN_GROUP.equals(component.path("group").asString())) {
                continue;
            }
            checked++;
            List<String> licences = licences(component);
            if (licences.stream().noneMatch(allowed::allows)) {
                refused.add(component.path("group").asString() + ":"
                        + component.path("name").asString() + ":"
                        + component.path("version").asString() + " "
                        + (licences.isEmpty() ? "(no licence)" : licences));
            }
        }
        assertThat(checked).as("runtime dependencies in the SBOM").isGreaterThan(50);
        assertThat(refused)
                .as("runtime dependencies whose licences are not in licences-allowed.txt (OSI-approved only)")
                .isEmpty();
    }

    @Test
    void springSessionIsAVersionUnderAnOpenLicence() throws IOException {
        JsonNode core = null;
        for (JsonNode component : sbom().get("components")) {
            if (component.path("name").asString().equals("spring-session-core")) {
                core = component;
            }
        }
        assertThat(core).as("spring-session-core in the SBOM").isNotNull();
        assertThat(licences(core)).containsExactly("Apache-2.0");
    }

    private static JsonNode sbom() throws IOException {
        try (InputStream in = RuntimeLicencesTest.class.getResourceAsStream(SBOM)) {
            assertThat(in)
                    .as(SBOM + " (cyclonedx-maven-plugin, generate-resources)")
                    .isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }

    /** The SPDX ids, or the names where the POM's words match none, or the parts of an SPDX expression. */
    private static List<String> licences(JsonNode component) {
        List<String> result = new ArrayList<>();
        for (JsonNode entry : component.path("licenses")) {
            if (entry.has("expression")) {
                for (String part : entry.get("expression").asString().split("\\s+(OR|AND|WITH)\\s+|[()]")) {
                    if (!part.isBlank()) {
                        result.add(part.trim());
                    }
                }
            } else {
                JsonNode licence = entry.path("license");
                result.add(
                        licence.has("id")
                                ? licence.get("id").asString()
                                : licence.path("name").asString());
            }
        }
        return result;
    }

    private record AllowList(Set<String> ids, Map<String, String> aliases) {

        static AllowList read(String resource) throws IOException {
            Set<String> ids = new HashSet<>();
            Map<String, String> aliases = new HashMap<>();
            try (InputStream in = RuntimeLicencesTest.class.getResourceAsStream(resource)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String text = line.strip();
                    if (text.isEmpty() || text.startsWith("#")) {
                        continue;
                    }
                    int equals = text.indexOf(" = ");
                    if (equals < 0) {
                        ids.add(text);
                    } else {
                        aliases.put(
                                text.substring(0, equals).strip(),
                                text.substring(equals + 3).strip());
                    }
                }
            }
            return new AllowList(ids, aliases);
        }

        boolean allows(String licence) {
            return ids.contains(aliases.getOrDefault(licence, licence));
        }
    }
}
