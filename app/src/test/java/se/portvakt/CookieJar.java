package se.portvakt;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One client's cookies, kept by hand for {@link java.net.http.HttpClient}: its own cookie handler drops the Secure
 * session cookie on plain http to loopback, which a browser behind the TLS proxy would keep.
 */
public final class CookieJar {
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Puts the cookies this client holds on the request. */
    public HttpRequest.Builder onto(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return request;
    }

    /** Keeps what the response set, and forgets what it cleared. */
    public <T> HttpResponse<T> from(HttpResponse<T> response) {
        response.headers().allValues("Set-Cookie").forEach(header -> {
            String pair = header.split(";", 2)[0];
            int at = pair.indexOf('=');
            String value = pair.substring(at + 1);
            if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                cookies.remove(pair.substring(0, at));
            } else {
                cookies.put(pair.substring(0, at), value);
            }
        });
        return response;
    }
}
