package se.portvakt.config;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings that belong to Portvakt as a whole; each feature has its own for the rest.
 *
 * @param publicUrl the address guests and hosts reach Portvakt at; invitation links start with it
 * @param secretKey base64 of 32 random bytes; encrypts identity numbers and signs invitation links.
 *     Required in production; the embedded default keeps a generated one in the data directory
 * @param dataDirectory where the embedded default keeps its database and generated key
 */
@ConfigurationProperties("portvakt")
public record PortvaktProperties(
        @DefaultValue("http://localhost:8080") URI publicUrl,
        String secretKey,
        @DefaultValue("./data") Path dataDirectory) {

    /** The public URL without a trailing slash, ready to append a path to. */
    public String baseUrl() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
