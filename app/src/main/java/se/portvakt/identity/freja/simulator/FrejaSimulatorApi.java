package se.portvakt.identity.freja.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.portvakt.identity.ConditionalOnIdentitySimulators;
import se.portvakt.person.PersonalIdentityNumber;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Freja eID's authentication API 1.0 as the simulator speaks it: the same paths, form fields, base64 JSON,
 * statuses and {@code {code, message}} errors, so the real client runs unchanged against it.
 */
@RestController
@ConditionalOnIdentitySimulators
@RequestMapping(FrejaSimulatorAddress.API_PATH + "/authentication/1.0")
class FrejaSimulatorApi {

    private static final Set<String> LEVELS = Set.of("BASIC", "EXTENDED", "PLUS");

    private final FrejaSimulator simulator;
    private final JsonMapper json = JsonMapper.builder().build();

    FrejaSimulatorApi(FrejaSimulator simulator) {
        this.simulator = simulator;
    }

    @PostMapping("/initAuthentication")
    ResponseEntity<Map<String, Object>> initAuthentication(@RequestParam(required = false) String initAuthRequest) {
        JsonNode request = decode(initAuthRequest);
        if (request == null) {
            return error(1001, "Invalid or missing initAuthRequest.");
        }
        String type = request.path("userInfoType").asString("");
        String userInfo = request.path("userInfo").asString("");
        String boundSsn = null;
        if (type.equals("SSN")) {
            JsonNode ssn = decode(userInfo);
            boundSsn = ssn == null || !"SE".equals(ssn.path("country").asString(""))
                    ? null
                    : PersonalIdentityNumber.parse(ssn.path("ssn").asString(""))
                            .map(PersonalIdentityNumber::digits)
                            .orElse(null);
            if (boundSsn == null) {
                return error(1002, "Invalid or missing userInfo.");
            }
        } else if (!type.equals("INFERRED") || !userInfo.equals("N/A")) {
            return error(1002, "Invalid or missing userInfo.");
        }
        String level = request.path("minRegistrationLevel").asString("BASIC");
        if (!LEVELS.contains(level)) {
            return error(1001, "Invalid minRegistrationLevel.");
        }
        List<String> attributes = new ArrayList<>();
        request.path("attributesToReturn")
                .forEach(item -> attributes.add(item.path("attribute").asString("")));
        FrejaSimulatedTransaction started = simulator.start(type, userInfo, boundSsn, level, attributes);
        return ResponseEntity.ok(Map.of("authRef", started.authRef()));
    }

    @PostMapping("/getOneResult")
    ResponseEntity<Map<String, Object>> getOneResult(@RequestParam(required = false) String getOneAuthResultRequest) {
        JsonNode request = decode(getOneAuthResultRequest);
        return simulator
                .find(request == null ? null : request.path("authRef").asString(null))
                .<ResponseEntity<Map<String, Object>>>map(transaction -> ResponseEntity.ok(result(transaction)))
                .orElseGet(FrejaSimulatorApi::invalidReference);
    }

    @PostMapping("/cancel")
    ResponseEntity<Map<String, Object>> cancel(@RequestParam(required = false) String cancelAuthRequest) {
        JsonNode request = decode(cancelAuthRequest);
        boolean cancelled =
                request != null && simulator.end(request.path("authRef").asString(null), "RP_CANCELED");
        return cancelled ? ResponseEntity.ok(Map.of()) : invalidReference();
    }

    private static Map<String, Object> result(FrejaSimulatedTransaction transaction) {
        return transaction.details() == null
                ? Map.of("authRef", transaction.authRef(), "status", transaction.status())
                : Map.of(
                        "authRef",
                        transaction.authRef(),
                        "status",
                        transaction.status(),
                        "details",
                        transaction.details());
    }

    private JsonNode decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
            return node.isObject() ? node : null;
        } catch (IllegalArgumentException | JacksonException e) {
            return null;
        }
    }

    static ResponseEntity<Map<String, Object>> invalidReference() {
        return error(1100, "Invalid reference (for example, nonexistent or expired).");
    }

    static ResponseEntity<Map<String, Object>> error(int code, String message) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("code", code, "message", message));
    }
}
