package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image Jib built at package (target/jib-image.tar, Docker's archive format): a non-root user, the service's
 * ports, a health check that exists in the image, and a Java runtime with the libraries it loads.
 */
class ContainerImageIT {

    static final Path IMAGE = Path.of("target", "jib-image.tar");

    static JsonNode config;
    static Map<String, byte[]> files = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        assertThat(IMAGE)
                .as("the image tarball from `./mvnw package` (jib:buildTar)")
                .exists();
        Map<String, byte[]> archive = entries(Files.newInputStream(IMAGE), false);
        JsonNode manifest = JsonMapper.builder()
                .build()
                .readTree(archive.get("manifest.json"))
                .get(0);
        config = JsonMapper.builder()
                .build()
                .readTree(archive.get(manifest.get("Config").asString()))
                .get("config");
        for (JsonNode layer : manifest.get("Layers")) {
            files.putAll(entries(new GZIPInputStream(new ByteArrayInputStream(archive.get(layer.asString()))), true));
        }
    }

    @Test
    void runsAsANonRootUserNamedInTheImagesPasswd() {
        assertThat(config.get("User").asString()).isEqualTo("10001:10001");
        assertThat(new String(files.get("etc/passwd"), StandardCharsets.UTF_8)).contains("portvakt:x:10001:10001:");
    }

    @Test
    void exposesHttpAndTheMediaPort() {
        assertThat(config.get("ExposedPorts").propertyNames())
                .containsExactlyInAnyOrder("8080/tcp", "10000/udp", "10000/tcp");
        assertThat(config.get("Env").toString()).contains("PORTVAKT_MEDIA_BIND_ADDRESS=0.0.0.0");
    }

    @Test
    void theHealthCheckIsThereToRun() {
        String healthCheck = config.get("Labels").get("se.portvakt.healthcheck").asString();
        assertThat(healthCheck).startsWith("/opt/java/bin/java ").endsWith("se.portvakt.config.HealthProbe");
        assertThat(files).containsKey("app/classes/se/portvakt/config/HealthProbe.class");
    }

    @Test
    void carriesItsOwnJavaRuntimeAndTheApplication() {
        assertThat(config.get("Entrypoint").get(0).asString()).isEqualTo("/opt/java/bin/java");
        assertThat(files)
                .containsKeys(
                        "opt/java/bin/java",
                        "opt/java/lib/server/libjvm.so",
                        "lib/x86_64-linux-gnu/libc.so.6",
                        "lib64/ld-linux-x86-64.so.2",
                        "app/jib-classpath-file",
                        "app/classes/se/portvakt/PortvaktApplication.class");
    }

    /** A tar stream's regular files by path (without a leading slash or ./); contents kept only when asked. */
    private static Map<String, byte[]> entries(InputStream in, boolean namesOnly) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (in) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                long size = Long.parseLong(
                        text(header, 124, 12).trim().isEmpty()
                                ? "0"
                                : text(header, 124, 12).trim(),
                        8);
                byte type = header[156];
                byte[] content = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                String path = (prefix.isEmpty() ? name : prefix + "/" + name)
                        .replaceFirst("^\\./", "")
                        .replaceFirst("^/", "");
                if (type == '0' || type == 0) {
                    entries.put(path, namesOnly && !path.equals("etc/passwd") ? new byte[0] : content);
                }
            }
        }
        return entries;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
