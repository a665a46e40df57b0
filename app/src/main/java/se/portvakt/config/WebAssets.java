package se.portvakt.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Today's names of the web client's files. The web build (web/vite.config.ts) puts a hash of each file's content
 * in its name and lists them in manifest.json; here each is known by its plain name, {@code portal.js} for
 * {@code portal-BWP_TBsc.js}, so that the pages keep writing {@code @{/assets/portal.js}} (StaticAssets).
 */
record WebAssets(Map<String, String> hashedNames) {

    static final String MANIFEST = "static/assets/manifest.json";
    private static final Logger log = LoggerFactory.getLogger(WebAssets.class);

    WebAssets {
        hashedNames = Map.copyOf(hashedNames);
    }

    /** The hashed name of a plain one, e.g. {@code portal.js} → {@code portal-BWP_TBsc.js}; null if none. */
    String hashedName(String plainName) {
        return hashedNames.get(plainName);
    }

    static WebAssets fromClassPath() {
        ClassPathResource manifest = new ClassPathResource(MANIFEST);
        if (!manifest.exists()) {
            // a run of the app module alone (an IDE): pages show, without the client's script and style
            log.warn("No {} on the class path: build with the web module (./mvnw -pl app -am ...)", MANIFEST);
            return new WebAssets(Map.of());
        }
        try (InputStream in = manifest.getInputStream()) {
            return read(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + MANIFEST, e);
        }
    }

    /** Vite's manifest: {"src/portal.ts": {"file": "portal-BWP_TBsc.js", "name": "portal", ...}, ...}. */
    static WebAssets read(JsonNode manifest) {
        Map<String, String> names = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : manifest.properties()) {
            String file = entry.getValue().path("file").asString();
            String name = entry.getValue().path("name").asString();
            if (!file.isEmpty() && !name.isEmpty()) {
                names.put(name + file.substring(file.lastIndexOf('.')), file);
            }
        }
        return new WebAssets(names);
    }
}
