package se.portvakt.identity.bankid;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.portvakt.identity.EidMethod;
import se.portvakt.identity.EidProvider;
import se.portvakt.identity.EidProvider.EidProgress.Status;
import se.portvakt.identity.bankid.BankIdJson.AuthRequest;
import se.portvakt.identity.bankid.BankIdJson.AuthResponse;
import se.portvakt.identity.bankid.BankIdJson.CollectResponse;
import se.portvakt.identity.bankid.BankIdJson.Requirement;
import se.portvakt.identity.bankid.BankIdOrders.StoredOrder;

/**
 * BankID as an {@link EidProvider}: auth, then collect on every poll, each answer turned into BankID's
 * recommended message. The order's reference handed out is our own, so that an unscanned QR order can be
 * restarted behind it (a new BankID order) without the login page noticing.
 */
class BankIdProvider implements EidProvider {

    private static final Logger log = LoggerFactory.getLogger(BankIdProvider.class);

    private final BankIdClient client;
    private final BankIdOrders orders;
    private final BankIdCompletion completion;
    private final Clock clock;
    private final Duration qrRestartWindow;
    private final boolean simulated;

    /** @param simulated true exactly when the client talks to the built-in simulator */
    BankIdProvider(
            BankIdClient client,
            BankIdOrders orders,
            BankIdCompletion completion,
            Clock clock,
            Duration qrRestartWindow,
            boolean simulated) {
        this.client = client;
        this.orders = orders;
        this.completion = completion;
        this.clock = clock;
        this.qrRestartWindow = qrRestartWindow;
        this.simulated = simulated;
    }

    @Override
    public EidMethod method() {
        return EidMethod.BANKID;
    }

    @Override
    public boolean simulated() {
        return simulated;
    }

    /** Where this provider's BankID is: the real service or the simulator. */
    URI baseUrl() {
        return client.baseUrl();
    }

    @Override
    public EidOrder start(EidStart request) {
        Objects.requireNonNull(request.endUserIp(), "BankID requires the person's IP address");
        if (request.userVisibleText() != null) { // kept for a restart: no longer than BankID would show anyway
            request = new EidStart(
                    request.endUserIp(),
                    request.expectedPerson(),
                    UserVisibleData.fit(request.userVisibleText().strip()));
        }
        UUID id = UUID.randomUUID();
        try {
            AuthResponse auth = client.auth(authRequest(request));
            orders.started(id, request, auth, clock.instant());
            return new EidOrder(id.toString(), autoStartLink(auth.autoStartToken()));
        } catch (BankIdException e) {
            logRefusal("auth", e);
            orders.refused(id, request, BankIdMessages.forError(e));
            return new EidOrder(id.toString(), null);
        }
    }

    @Override
    public EidProgress poll(String orderRef) {
        Optional<StoredOrder> found = find(orderRef);
        if (found.isEmpty()) {
            return failed(BankIdMessages.RFA22);
        }
        StoredOrder order = found.get();
        if (order.status() == BankIdOrders.Status.FAILED) {
            return failed(order.messageKey());
        }
        if (order.status() == BankIdOrders.Status.COMPLETE) {
            return failed(BankIdMessages.RFA22); // the person was handed out once; a replayed poll gets nothing
        }
        CollectResponse answer;
        try {
            answer = client.collect(order.orderRef());
        } catch (BankIdException e) {
            logRefusal("collect", e);
            if ("maintenance".equals(e.errorCode()) && order.status() == BankIdOrders.Status.PENDING) {
                // BankID: during maintenance the relying party may simply try again
                return pending(BankIdMessages.pending(order.lastHintCode(), order.qrShown()));
            }
            return fail(order, BankIdMessages.forError(e));
        }
        return switch (String.valueOf(answer.status())) {
            case BankIdJson.PENDING -> {
                if (!Objects.equals(answer.hintCode(), order.lastHintCode())) {
                    orders.hinted(order.id(), answer.hintCode());
                }
                yield pending(BankIdMessages.pending(answer.hintCode(), order.qrShown()));
            }
            case BankIdJson.FAILED ->
                "startFailed".equals(answer.hintCode()) && mayRestart(order)
                        ? restart(order)
                        : fail(order, BankIdMessages.failed(answer.hintCode(), order.qrShown()));
            case BankIdJson.COMPLETE -> completion.complete(order, answer.completionData());
            default -> {
                log.warn("BankID collect answered an unknown status {} for order {}", answer.status(), order.id());
                yield fail(order, BankIdMessages.RFA22);
            }
        };
    }

    @Override
    public Optional<String> qrCode(String orderRef) {
        Optional<StoredOrder> found = find(orderRef);
        if (found.isEmpty()
                || found.get().status() != BankIdOrders.Status.PENDING
                || found.get().qrStartSecret() == null) {
            return Optional.empty();
        }
        StoredOrder order = found.get();
        String hint = order.lastHintCode();
        if (hint != null && !hint.equals("outstandingTransaction") && !hint.equals("noClient")) {
            return Optional.empty(); // scanned: the app has the order, a fresh code would only confuse
        }
        if (!order.qrShown()) {
            orders.qrShown(order.id());
        }
        return Optional.of(
                AnimatedQr.code(order.qrStartToken(), order.qrStartSecret(), order.authAt(), clock.instant()));
    }

    @Override
    public void cancel(String orderRef) {
        Optional<StoredOrder> found = find(orderRef);
        if (found.isEmpty() || found.get().status() != BankIdOrders.Status.PENDING) {
            return;
        }
        try {
            client.cancel(found.get().orderRef());
        } catch (BankIdException e) {
            log.debug("BankID cancel refused, the order has probably ended already: {}", e.getMessage());
        }
        orders.finished(found.get().id(), BankIdOrders.Status.FAILED, BankIdMessages.RFA6);
    }

    /** Only QR orders (the person saw a code that was not scanned) and only within the configured window. */
    private boolean mayRestart(StoredOrder order) {
        return order.qrShown()
                && Duration.between(order.createdAt(), clock.instant()).compareTo(qrRestartWindow) < 0;
    }

    private EidProgress restart(StoredOrder order) {
        AuthResponse auth;
        try {
            auth = client.auth(authRequest(
                    new EidStart(order.endUserIp(), orders.expectedPerson(order), order.userVisibleText())));
        } catch (BankIdException e) {
            logRefusal("auth (restart)", e);
            return fail(order, BankIdMessages.forError(e));
        }
        Instant authAt = clock.instant();
        if (!orders.restarted(order.id(), order.orderRef(), auth, authAt)) {
            cancelQuietly(auth.orderRef()); // another node restarted it first; its new order stands
        }
        return pending(BankIdMessages.pending("outstandingTransaction", true));
    }

    private EidProgress fail(StoredOrder order, String messageKey) {
        orders.finished(order.id(), BankIdOrders.Status.FAILED, messageKey);
        return failed(messageKey);
    }

    private void cancelQuietly(String bankIdOrderRef) {
        try {
            client.cancel(bankIdOrderRef);
        } catch (BankIdException e) {
            log.debug("Cancelling a surplus BankID order failed: {}", e.getMessage());
        }
    }

    static AuthRequest authRequest(EidStart start) {
        Requirement requirement = start.expectedPerson() == null
                ? null
                : new Requirement(start.expectedPerson().digits());
        String visible = UserVisibleData.encode(start.userVisibleText());
        return new AuthRequest(
                start.endUserIp(), requirement, visible, visible == null ? null : UserVisibleData.FORMAT, false);
    }

    static String autoStartLink(String autoStartToken) {
        return "bankid:///?autostarttoken=" + autoStartToken + "&redirect=null";
    }

    private Optional<StoredOrder> find(String orderRef) {
        try {
            return orderRef == null ? Optional.empty() : orders.find(UUID.fromString(orderRef));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Our own faults are logged as warnings to be fixed; BankID's troubles and alreadyInProgress are routine. */
    private static void logRefusal(String call, BankIdException e) {
        if (BankIdMessages.isOurFault(e)) {
            log.warn("BankID refused {}: {}", call, e.getMessage());
        } else {
            log.info("BankID {} failed: {}", call, e.getMessage());
        }
    }

    static EidProgress pending(String messageKey) {
        return new EidProgress(Status.PENDING, messageKey, null);
    }

    static EidProgress failed(String messageKey) {
        return new EidProgress(Status.FAILED, messageKey, null);
    }
}
