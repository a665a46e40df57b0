package se.portvakt.identity.freja.simulator;

import java.time.Instant;
import java.util.List;

/**
 * One authentication as the simulated Freja eID holds it.
 *
 * @param boundSsn the person an SSN-bound start names; null for an INFERRED (QR) start, open to anyone
 * @param details the signed JWS once approved, else null
 */
record FrejaSimulatedTransaction(
        String authRef,
        String userInfoType,
        String userInfo,
        String boundSsn,
        String minRegistrationLevel,
        List<String> attributes,
        Instant createdAt,
        String status,
        String details) {

    boolean pending() {
        return status.equals("STARTED") || status.equals("DELIVERED_TO_MOBILE");
    }

    FrejaSimulatedTransaction withStatus(String newStatus, String newDetails) {
        return new FrejaSimulatedTransaction(
                authRef,
                userInfoType,
                userInfo,
                boundSsn,
                minRegistrationLevel,
                attributes,
                createdAt,
                newStatus,
                newDetails);
    }

    /** Whether the phone of this person sees the transaction: all QR starts, and those bound to them. */
    boolean visibleTo(String ssn) {
        return boundSsn == null || boundSsn.equals(ssn);
    }
}
