package se.portvakt.identity.freja.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.portvakt.identity.ConditionalOnIdentitySimulators;
import se.portvakt.identity.freja.FrejaLinks;

/**
 * Simulator only, no counterpart at Freja: plays the phone for tests and browser tests (docs/freja.md).
 * A transaction is named by Freja's authRef or by the transactionReference in our app link / QR code.
 */
@RestController
@ConditionalOnIdentitySimulators
@RequestMapping(FrejaSimulatorAddress.API_PATH + "/test")
class FrejaSimulatorTestApi {

    private final FrejaSimulator simulator;

    FrejaSimulatorTestApi(FrejaSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * @param link our app link or QR text ({@code frejaeid://bindUserToTransaction?transactionReference=...})
     * @param forgery how to lie on purpose; absent: an honest result
     */
    record PhoneAction(
            String authRef, String transactionReference, String link, String ssn, FrejaSimulatorForgery forgery) {

        Optional<String> reference() {
            if (authRef != null) {
                return Optional.of(authRef);
            }
            if (transactionReference != null) {
                return Optional.of(transactionReference);
            }
            if (link != null && link.startsWith(FrejaLinks.BIND_PREFIX)) {
                return Optional.of(
                        URLDecoder.decode(link.substring(FrejaLinks.BIND_PREFIX.length()), StandardCharsets.UTF_8));
            }
            return Optional.empty();
        }
    }

    @PostMapping("/approve")
    ResponseEntity<Map<String, Object>> approve(@RequestBody PhoneAction action) {
        Optional<FrejaTestPerson> person = FrejaTestPerson.bySsn(action.ssn());
        if (person.isEmpty()) {
            return FrejaSimulatorApi.error(1002, "Unknown test person; see the list at /simulator/freja.");
        }
        FrejaSimulatorForgery forgery = action.forgery() == null ? FrejaSimulatorForgery.NONE : action.forgery();
        return outcome(simulator.approve(action.reference().orElse(null), person.get(), forgery));
    }

    @PostMapping("/reject")
    ResponseEntity<Map<String, Object>> reject(@RequestBody PhoneAction action) {
        return outcome(simulator.end(action.reference().orElse(null), "REJECTED"));
    }

    /** The person cancels in the app. */
    @PostMapping("/cancel")
    ResponseEntity<Map<String, Object>> cancel(@RequestBody PhoneAction action) {
        return outcome(simulator.end(action.reference().orElse(null), "CANCELED"));
    }

    @PostMapping("/expire")
    ResponseEntity<Map<String, Object>> expire(@RequestBody PhoneAction action) {
        return outcome(simulator.end(action.reference().orElse(null), "EXPIRED"));
    }

    private static ResponseEntity<Map<String, Object>> outcome(boolean done) {
        return done ? ResponseEntity.ok(Map.of("ok", true)) : FrejaSimulatorApi.invalidReference();
    }
}
