package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import se.portvakt.IntegrationTest;

/** The web client's files: hashed names in the pages, a year's caching, brotli and gzip made by the build. */
@IntegrationTest
class StaticAssetsIT {

    static final String YEAR_IMMUTABLE = "max-age=31536000";

    @LocalServerPort
    int port;
    // java.net.http never decompresses: the test sees the bytes as they went over the wire
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String pageReference(Pattern reference) throws Exception {
        HttpResponse<byte[]> page = get("/login", null);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher matcher = reference.matcher(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(matcher.find())
                .as("the login page names the file by its hashed name")
                .isTrue();
        return matcher.group(1);
    }

    static byte[] builtFile(String path, String suffix) throws Exception {
        try (InputStream in = new ClassPathResource("static" + path + suffix).getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void theScriptGoesOutHashedCachedForAYearAndCompressedByTheBuild() throws Exception {
        String script = pageReference(
                Pattern.compile("<script type=\"module\" src=\"(/assets/portal-[A-Za-z0-9_-]{8}\\.js)\""));
        assertThat(script).isEqualTo("/assets/" + WebAssets.fromClassPath().hashedName("portal.js"));
        byte[] plain = builtFile(script, "");

        HttpResponse<byte[]> brotli = get(script, "gzip, deflate, br, zstd"); // as Chromium asks
        assertThat(brotli.statusCode()).isEqualTo(200);
        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(brotli.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(brotli.headers().allValues("Vary"))
                .anySatisfy(vary -> assertThat(vary).contains("Accept-Encoding"));
        assertThat(brotli.headers().firstValue("Cache-Control").orElseThrow())
                .contains(YEAR_IMMUTABLE, "public", "immutable")
                .doesNotContain("no-store", "no-cache");
        assertThat(brotli.body()).isEqualTo(builtFile(script, ".br")).hasSizeLessThan(plain.length / 2);

        HttpResponse<byte[]> gzip = get(script, "gzip");
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValue("Cache-Control").orElseThrow()).contains(YEAR_IMMUTABLE, "immutable");
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(unzipped.readAllBytes()).isEqualTo(plain);
        }

        HttpResponse<byte[]> identity = get(script, null);
        assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(identity.body()).isEqualTo(plain);
    }

    @Test
    void theStyleSheetToo() throws Exception {
        String styleSheet = pageReference(
                Pattern.compile("<link rel=\"stylesheet\" href=\"(/assets/portvakt-[A-Za-z0-9_-]{8}\\.css)\""));
        HttpResponse<byte[]> brotli = get(styleSheet, "br");
        assertThat(brotli.statusCode()).isEqualTo(200);
        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(brotli.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(brotli.headers().firstValue("Cache-Control").orElseThrow()).contains(YEAR_IMMUTABLE, "immutable");
    }

    @Test
    void filesThatKeepTheirNamesAreRevalidatedAndPagesAreNeverStored() throws Exception {
        HttpResponse<byte[]> model = get("/assets/selfie/selfie_segmentation.js", "br");
        assertThat(model.statusCode()).isEqualTo(200);
        assertThat(model.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(model.headers().firstValue("Cache-Control").orElseThrow())
                .contains("no-cache")
                .doesNotContain("immutable");

        HttpResponse<byte[]> page = get("/login", "gzip, br");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    }
}
