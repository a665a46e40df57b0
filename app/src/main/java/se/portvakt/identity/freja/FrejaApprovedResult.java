package se.portvakt.identity.freja;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.portvakt.identity.EidProvider.EidProgress;
import se.portvakt.identity.EidProvider.EidProgress.Status;
import se.portvakt.identity.VerifiedPerson;
import se.portvakt.identity.freja.FrejaOrders.FrejaOrder;
import se.portvakt.identity.freja.FrejaResultVerifier.FrejaResultRefused;
import se.portvakt.person.PersonalIdentityNumber;
import tools.jackson.databind.JsonNode;

/**
 * Turns the verified payload of an APPROVED result into a person, or a refusal: the payload must be for this
 * very transaction, at Freja eID Plus, with a Swedish identity number, and of the invited person if one was named.
 */
class FrejaApprovedResult {

    private static final Logger log = LoggerFactory.getLogger(FrejaApprovedResult.class);

    private final FrejaOrders orders;

    FrejaApprovedResult(FrejaOrders orders) {
        this.orders = orders;
    }

    EidProgress check(FrejaOrder order, JsonNode payload) {
        // a genuine signature over another transaction's result must not complete this one
        if (!order.authRef().equals(payload.path("authRef").asString(""))
                || !"APPROVED".equals(payload.path("status").asString(""))) {
            throw new FrejaResultRefused("signed payload is for another transaction or not APPROVED");
        }
        JsonNode attributes = payload.path("requestedAttributes");
        String level = attributes
                .path("registrationLevel")
                .asString(payload.path("registrationLevel").asString(""));
        if (!FrejaProvider.REQUIRED_LEVEL.equals(level)) {
            log.warn("Freja eID order {}: registration level {} is below PLUS", order.id(), level);
            return new EidProgress(Status.FAILED, FrejaMessages.NOT_PLUS, null);
        }
        JsonNode ssn = attributes.path("ssn");
        Optional<PersonalIdentityNumber> pin = "SE".equals(ssn.path("country").asString(""))
                ? PersonalIdentityNumber.parse(ssn.path("ssn").asString(""))
                : Optional.empty();
        if (pin.isEmpty()) {
            throw new FrejaResultRefused("no valid Swedish identity number in the signed payload");
        }
        if (order.expectedPerson() != null && !order.expectedPerson().equals(pin.get())) {
            log.warn(
                    "Freja eID order {}: {} identified, but {} was invited",
                    order.id(),
                    pin.get(),
                    order.expectedPerson());
            return new EidProgress(Status.FAILED, FrejaMessages.NOT_INVITED_PERSON, null);
        }
        JsonNode names = attributes.path("basicUserInfo");
        VerifiedPerson person = orders.person(
                pin.get(),
                names.path("name").asString(""),
                names.path("surname").asString(""));
        log.info("Freja eID order {}: {} identified", order.id(), pin.get());
        return new EidProgress(Status.COMPLETE, FrejaMessages.COMPLETE, person);
    }
}
