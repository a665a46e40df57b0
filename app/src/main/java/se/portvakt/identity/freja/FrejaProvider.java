package se.portvakt.identity.freja;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.portvakt.identity.EidMethod;
import se.portvakt.identity.EidProvider;
import se.portvakt.identity.EidProvider.EidProgress.Status;
import se.portvakt.identity.freja.FrejaApi.AuthResult;
import se.portvakt.identity.freja.FrejaApi.InitAuthRequest;
import se.portvakt.identity.freja.FrejaOrders.FrejaOrder;
import se.portvakt.identity.freja.FrejaResultVerifier.FrejaResultRefused;

/**
 * Freja eID as an {@link EidProvider}: Freja's authRef never leaves the server (it would let anyone bind
 * their app to the transaction from elsewhere); the browser holds our own order id.
 */
class FrejaProvider implements EidProvider {

    private static final Logger log = LoggerFactory.getLogger(FrejaProvider.class);

    /** LoA 3 (DIGG's "tillitsnivå 3") is Freja eID Plus. */
    static final String REQUIRED_LEVEL = "PLUS";

    private static final List<FrejaApi.Attribute> ATTRIBUTES = List.of(
            new FrejaApi.Attribute("BASIC_USER_INFO"),
            new FrejaApi.Attribute("SSN"),
            new FrejaApi.Attribute("DATE_OF_BIRTH"),
            new FrejaApi.Attribute("REGISTRATION_LEVEL"));

    private final FrejaApi api;
    private final FrejaResultVerifier verifier;
    private final FrejaOrders orders;
    private final FrejaApprovedResult approvedResult;
    private final boolean simulated;

    FrejaProvider(FrejaApi api, FrejaResultVerifier verifier, FrejaOrders orders, boolean simulated) {
        this.api = api;
        this.verifier = verifier;
        this.orders = orders;
        this.approvedResult = new FrejaApprovedResult(orders);
        this.simulated = simulated;
    }

    @Override
    public EidMethod method() {
        return EidMethod.FREJA;
    }

    @Override
    public boolean simulated() {
        return simulated;
    }

    @Override
    public EidOrder start(EidStart request) {
        InitAuthRequest init = request.expectedPerson() == null
                ? new InitAuthRequest("INFERRED", "N/A", REQUIRED_LEVEL, ATTRIBUTES)
                : new InitAuthRequest(
                        "SSN", FrejaUserInfo.swedishSsn(request.expectedPerson()), REQUIRED_LEVEL, ATTRIBUTES);
        String authRef = api.initAuthentication(init);
        UUID id = orders.create(authRef, request.expectedPerson());
        log.info(
                "Freja eID order {} started ({})",
                id,
                request.expectedPerson() == null ? "QR" : "for " + request.expectedPerson());
        return new EidOrder(id.toString(), FrejaLinks.bindUserToTransaction(authRef));
    }

    @Override
    public EidProgress poll(String orderRef) {
        Optional<FrejaOrder> found = orders.find(orderRef);
        if (found.isEmpty()) {
            return new EidProgress(Status.FAILED, FrejaMessages.TECHNICAL_ERROR, null);
        }
        FrejaOrder order = found.get();
        if (order.outcome() != null) {
            return order.outcome();
        }
        EidProgress progress;
        try {
            progress = interpret(order, api.getOneResult(order.authRef()));
        } catch (FrejaApiException e) {
            if (e.transientFault()) {
                log.warn("Freja eID order {}: poll failed, the next poll retries: {}", order.id(), e.getMessage());
                return new EidProgress(Status.PENDING, FrejaMessages.OPEN_APP, null);
            }
            log.error("Freja eID order {}: {}", order.id(), e.getMessage());
            progress = new EidProgress(Status.FAILED, FrejaMessages.TECHNICAL_ERROR, null);
        } catch (FrejaResultRefused e) {
            log.error("Freja eID order {}: {}", order.id(), e.getMessage());
            progress = new EidProgress(Status.FAILED, FrejaMessages.TECHNICAL_ERROR, null);
        }
        if (progress.status() != Status.PENDING && !orders.finish(order.id(), progress)) {
            return orders.find(orderRef).map(FrejaOrder::outcome).orElse(progress); // ended meanwhile, e.g. cancelled
        }
        return progress;
    }

    private EidProgress interpret(FrejaOrder order, AuthResult result) {
        return switch (result.status()) {
            case "STARTED" -> new EidProgress(Status.PENDING, FrejaMessages.OPEN_APP, null);
            case "DELIVERED_TO_MOBILE" -> new EidProgress(Status.PENDING, FrejaMessages.CONFIRM_IN_APP, null);
            case "APPROVED" -> approvedResult.check(order, verifier.verify(result.details()));
            case "CANCELED", "RP_CANCELED" -> new EidProgress(Status.FAILED, FrejaMessages.CANCELLED, null);
            case "EXPIRED" -> new EidProgress(Status.FAILED, FrejaMessages.EXPIRED, null);
            case "REJECTED" -> new EidProgress(Status.FAILED, FrejaMessages.REJECTED, null);
            default -> {
                log.error("Freja eID order {}: unknown status {}", order.id(), result.status());
                yield new EidProgress(Status.FAILED, FrejaMessages.TECHNICAL_ERROR, null);
            }
        };
    }

    @Override
    public Optional<String> qrCode(String orderRef) {
        return orders.find(orderRef)
                .filter(order -> order.outcome() == null)
                .map(order -> FrejaLinks.bindUserToTransaction(order.authRef()));
    }

    @Override
    public void cancel(String orderRef) {
        Optional<FrejaOrder> found = orders.find(orderRef).filter(order -> order.outcome() == null);
        if (found.isEmpty()) {
            return;
        }
        FrejaOrder order = found.get();
        orders.finish(order.id(), new EidProgress(Status.FAILED, FrejaMessages.CANCELLED, null));
        try {
            api.cancel(order.authRef());
        } catch (FrejaApiException e) {
            // already ended at Freja (code 1100) or unreachable: our row is cancelled either way
            log.info("Freja eID order {}: cancel not confirmed: {}", order.id(), e.getMessage());
        }
    }
}
