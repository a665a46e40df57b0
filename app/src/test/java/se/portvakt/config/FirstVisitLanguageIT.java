package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.IntegrationTest;

/** A first visit is in the browser's language (sv, en, fi) until the visitor picks one. */
@IntegrationTest
class FirstVisitLanguageIT {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> login(String query, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login" + query));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    static String pageLanguage(HttpResponse<String> page) {
        return page.body().replaceAll("(?s).*?<html[^>]* lang=\"([a-z]+)\".*", "$1");
    }

    @Test
    void aFirstVisitFollowsAcceptLanguage() throws Exception {
        HttpResponse<String> finnish = login("", "Accept-Language", "fi-FI,fi;q=0.9,en;q=0.8");
        assertThat(pageLanguage(finnish)).isEqualTo("fi");
        assertThat(finnish.headers().firstValue("Content-Language")).hasValue("fi");
        assertThat(finnish.body()).contains("Kirjaudu");

        assertThat(pageLanguage(login("", "Accept-Language", "en-GB,en;q=0.9"))).isEqualTo("en");
        assertThat(pageLanguage(login("", "Accept-Language", "de-DE,de;q=0.9"))).isEqualTo("sv");
        assertThat(pageLanguage(login(""))).isEqualTo("sv");
    }

    @Test
    void aPickedLanguageWinsOverTheBrowsers() throws Exception {
        HttpResponse<String> picked = login("?lang=sv", "Accept-Language", "en-GB,en;q=0.9");
        assertThat(pageLanguage(picked)).isEqualTo("sv");
        String cookie = picked.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("portvakt_lang="))
                .findFirst()
                .orElseThrow();

        HttpResponse<String> later =
                login("", "Accept-Language", "en-GB,en;q=0.9", "Cookie", cookie.substring(0, cookie.indexOf(';')));
        assertThat(pageLanguage(later)).isEqualTo("sv");
    }
}
