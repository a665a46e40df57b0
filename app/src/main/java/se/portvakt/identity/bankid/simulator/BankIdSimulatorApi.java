package se.portvakt.identity.bankid.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.portvakt.identity.ConditionalOnIdentitySimulators;
import se.portvakt.identity.bankid.BankIdJson.ErrorBody;
import se.portvakt.identity.bankid.UserVisibleData;
import se.portvakt.person.PersonalIdentityNumber;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's RP API: the same paths, JSON, status codes and {@code {errorCode, details}} bodies as BankID's
 * v6.0, so that Portvakt's real client cannot tell it from the real service (except by the missing mutual TLS).
 * Bodies are parsed by hand so that every refusal, even of a wrong content type, has BankID's shape.
 */
@RestController
@ConditionalOnIdentitySimulators
@RequestMapping(BankIdSimulatorApi.PATH)
public class BankIdSimulatorApi {

    public static final String PATH = "/simulator/bankid/api/rp/v6.0";
    private static final JsonMapper JSON = JsonMapper.shared();

    private final SimulatedBankId bankId;

    BankIdSimulatorApi(SimulatedBankId bankId) {
        this.bankId = bankId;
    }

    @PostMapping("/auth")
    ResponseEntity<byte[]> auth(
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String type,
            @RequestBody(required = false) byte[] body) {
        return answer(type, body, json -> {
            String endUserIp = text(json, "endUserIp");
            if (endUserIp == null || !endUserIp.matches("[0-9A-Fa-f:.]{2,45}")) {
                throw SimulatorRefusal.invalidParameters("Invalid endUserIp");
            }
            String personalNumber = text(json.path("requirement"), "personalNumber");
            if (personalNumber != null
                    && (!personalNumber.matches("\\d{12}")
                            || PersonalIdentityNumber.parse(personalNumber).isEmpty())) {
                throw SimulatorRefusal.invalidParameters("Invalid personalNumber");
            }
            return bankId.auth(endUserIp, personalNumber, visibleText(json));
        });
    }

    @PostMapping("/collect")
    ResponseEntity<byte[]> collect(
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String type,
            @RequestBody(required = false) byte[] body) {
        return answer(type, body, json -> bankId.collect(orderRef(json)));
    }

    @PostMapping("/cancel")
    ResponseEntity<byte[]> cancel(
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String type,
            @RequestBody(required = false) byte[] body) {
        return answer(type, body, json -> {
            bankId.cancel(orderRef(json));
            return Map.of();
        });
    }

    private static ResponseEntity<byte[]> answer(String contentType, byte[] body, Function<JsonNode, Object> call) {
        try {
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new SimulatorRefusal(415, "unsupportedMediaType", "Content-Type must be application/json");
            }
            JsonNode json;
            try {
                json = body == null || body.length == 0 ? null : JSON.readTree(body);
            } catch (JacksonException e) {
                json = null;
            }
            if (json == null || !json.isObject()) {
                throw SimulatorRefusal.invalidParameters("Invalid JSON in request body");
            }
            return json(200, call.apply(json));
        } catch (SimulatorRefusal refusal) {
            return json(refusal.httpStatus(), new ErrorBody(refusal.errorCode(), refusal.getMessage()));
        }
    }

    private static ResponseEntity<byte[]> json(int status, Object body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsBytes(body));
    }

    private static String orderRef(JsonNode json) {
        String orderRef = text(json, "orderRef");
        if (orderRef == null || orderRef.isBlank()) {
            throw SimulatorRefusal.invalidParameters("Invalid orderRef");
        }
        return orderRef;
    }

    /** userVisibleData: base64, at most 1,500 characters, optionally in simpleMarkdownV1. */
    private static String visibleText(JsonNode json) {
        String data = text(json, "userVisibleData");
        String format = text(json, "userVisibleDataFormat");
        if (format != null && (!format.equals(UserVisibleData.FORMAT) || data == null)) {
            throw SimulatorRefusal.invalidParameters("Invalid userVisibleDataFormat");
        }
        if (data == null) {
            return null;
        }
        if (data.isEmpty() || data.length() > 1500) {
            throw SimulatorRefusal.invalidParameters("Invalid userVisibleData");
        }
        try {
            Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw SimulatorRefusal.invalidParameters("Invalid userVisibleData");
        }
        return format == null
                ? new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8)
                : UserVisibleData.decode(data);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw SimulatorRefusal.invalidParameters("Invalid " + field);
        }
        return value.asString();
    }
}
