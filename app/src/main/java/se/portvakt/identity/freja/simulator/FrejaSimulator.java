package se.portvakt.identity.freja.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import se.portvakt.identity.ConditionalOnIdentitySimulators;
import se.portvakt.identity.freja.FrejaProperties;

/**
 * The simulated Freja eID service: transactions in memory (it stands in for one remote service, not for
 * Portvakt's nodes), expiring after {@code portvakt.identity.freja.simulator.order-expiry} by the shared clock.
 */
@Component
@ConditionalOnIdentitySimulators
class FrejaSimulator {

    /** Ended transactions stay answerable this long, then are forgotten (code 1100, as at Freja). */
    private static final Duration KEEP_ENDED = Duration.ofMinutes(30);

    private final Map<String, FrejaSimulatedTransaction> transactions = new ConcurrentHashMap<>();
    private final FrejaSimulatorKeys keys;
    private final Clock clock;
    private final Duration expiry;
    private final SecureRandom random = new SecureRandom();

    FrejaSimulator(FrejaSimulatorKeys keys, Clock clock, FrejaProperties properties) {
        this.keys = keys;
        this.clock = clock;
        this.expiry = properties.simulator().orderExpiry();
    }

    FrejaSimulatedTransaction start(
            String userInfoType, String userInfo, String boundSsn, String minLevel, List<String> attributes) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String authRef = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // an SSN-bound transaction is pushed to that person's phone at once; a QR one waits to be scanned
        String status = boundSsn == null ? "STARTED" : "DELIVERED_TO_MOBILE";
        FrejaSimulatedTransaction transaction = new FrejaSimulatedTransaction(
                authRef, userInfoType, userInfo, boundSsn, minLevel, attributes, clock.instant(), status, null);
        transactions.put(authRef, transaction);
        return transaction;
    }

    Optional<FrejaSimulatedTransaction> find(String authRef) {
        if (authRef == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(transactions.computeIfPresent(authRef, (ref, transaction) -> {
            if (transaction.pending()
                    && clock.instant().isAfter(transaction.createdAt().plus(expiry))) {
                return transaction.withStatus("EXPIRED", null);
            }
            return clock.instant().isAfter(transaction.createdAt().plus(KEEP_ENDED)) ? null : transaction;
        }));
    }

    List<FrejaSimulatedTransaction> pending() {
        return transactions.keySet().stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .filter(FrejaSimulatedTransaction::pending)
                .sorted(Comparator.comparing(FrejaSimulatedTransaction::createdAt))
                .toList();
    }

    /** Moves a pending transaction to a final status; false when unknown or already ended. */
    boolean end(String authRef, String status) {
        return find(authRef)
                .filter(FrejaSimulatedTransaction::pending)
                .map(t -> transactions.replace(authRef, t, t.withStatus(status, null)))
                .orElse(false);
    }

    /**
     * The person approves on their phone. Refused when the transaction is bound to someone else (a real phone
     * would never show it), unless the test endpoint asks for {@link FrejaSimulatorForgery#IGNORE_BINDING}.
     */
    boolean approve(String authRef, FrejaTestPerson person, FrejaSimulatorForgery forgery) {
        Optional<FrejaSimulatedTransaction> found = find(authRef).filter(FrejaSimulatedTransaction::pending);
        if (found.isEmpty()) {
            return false;
        }
        FrejaSimulatedTransaction transaction = found.get();
        if (!transaction.visibleTo(person.ssn()) && forgery != FrejaSimulatorForgery.IGNORE_BINDING) {
            return false;
        }
        String details = signedDetails(transaction, person, forgery);
        return transactions.replace(authRef, transaction, transaction.withStatus("APPROVED", details));
    }

    private String signedDetails(
            FrejaSimulatedTransaction transaction, FrejaTestPerson person, FrejaSimulatorForgery forgery) {
        Map<String, Object> payload = payload(transaction, person);
        String jws = keys.sign(payload, forgery);
        if (forgery == FrejaSimulatorForgery.TAMPERED_PAYLOAD) {
            FrejaTestPerson other = FrejaTestPerson.ALL.stream()
                    .filter(p -> !p.equals(person))
                    .findFirst()
                    .orElseThrow();
            String[] parts = jws.split("\\.");
            return parts[0] + "." + FrejaSimulatorKeys.base64url(keys.json(payload(transaction, other))) + "."
                    + parts[2];
        }
        if (forgery == FrejaSimulatorForgery.TAMPERED_SIGNATURE) {
            int at = jws.lastIndexOf('.') + 5;
            return jws.substring(0, at) + (jws.charAt(at) == 'A' ? 'B' : 'A') + jws.substring(at + 1);
        }
        return jws;
    }

    /** The JWS payload as Freja documents it: the transaction, and the attributes the relying party asked for. */
    private Map<String, Object> payload(FrejaSimulatedTransaction transaction, FrejaTestPerson person) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        List<String> asked = transaction.attributes();
        if (asked.contains("BASIC_USER_INFO")) {
            attributes.put("basicUserInfo", Map.of("name", person.name(), "surname", person.surname()));
        }
        if (asked.contains("SSN")) {
            attributes.put("ssn", Map.of("ssn", person.ssn(), "country", "SE"));
        }
        if (asked.contains("DATE_OF_BIRTH")) {
            attributes.put("dateOfBirth", person.dateOfBirth());
        }
        if (asked.contains("REGISTRATION_LEVEL")) {
            attributes.put("registrationLevel", person.registrationLevel());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("authRef", transaction.authRef());
        payload.put("status", "APPROVED");
        payload.put("userInfoType", transaction.userInfoType());
        payload.put("userInfo", transaction.userInfo());
        payload.put("minRegistrationLevel", transaction.minRegistrationLevel());
        payload.put("requestedAttributes", attributes);
        payload.put("timestamp", clock.millis());
        return payload;
    }
}
