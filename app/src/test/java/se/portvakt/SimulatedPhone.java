package se.portvakt;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's phone with the BankID or Freja eID app, played through the simulators' test endpoints over HTTP
 * (docs/bankid.md, docs/freja.md): it scans what the page showed, or opens the link, and approves or refuses.
 */
public final class SimulatedPhone {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public SimulatedPhone(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Scans the BankID QR code as shown now (or opens the autostart token) and identifies as {@code pin}. */
    public void bankIdApprove(String qrCode, String autoStartToken, String pin) {
        post(
                "/simulator/bankid/api/test/approve",
                fields("qrCode", qrCode, "autoStartToken", autoStartToken, "personalNumber", pin));
    }

    /** Ends the BankID order as the app would with {@code hintCode} (userCancel, expiredTransaction, ...). */
    public void bankIdFail(String qrCode, String autoStartToken, String hintCode) {
        post(
                "/simulator/bankid/api/test/fail",
                fields("qrCode", qrCode, "autoStartToken", autoStartToken, "hintCode", hintCode));
    }

    /** Scans the Freja eID QR code (or opens the app link) and approves as {@code ssn}. */
    public void frejaApprove(String link, String ssn) {
        post("/simulator/freja/api/test/approve", fields("link", link, "ssn", ssn));
    }

    public void frejaReject(String link) {
        post("/simulator/freja/api/test/reject", fields("link", link));
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                fields.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return fields;
    }

    private void post(String path, Map<String, String> body) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    JsonMapper.shared().writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(
                        "The simulated phone was refused: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
