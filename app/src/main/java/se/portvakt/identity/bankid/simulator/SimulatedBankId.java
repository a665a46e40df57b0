package se.portvakt.identity.bankid.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.portvakt.identity.ConditionalOnIdentitySimulators;
import se.portvakt.identity.bankid.AnimatedQr;
import se.portvakt.identity.bankid.BankIdJson;
import se.portvakt.identity.bankid.BankIdJson.AuthResponse;
import se.portvakt.identity.bankid.BankIdJson.CollectResponse;
import se.portvakt.identity.bankid.simulator.SimulatedOrder.Stage;
import se.portvakt.identity.bankid.simulator.TestIdentities.TestPerson;

/**
 * BankID's servers, played locally: orders, their collect answers and timeouts, driven by the simulated phone
 * app. State is in memory on purpose: it stands for an external service, not for Portvakt's data.
 * Exists only while {@code portvakt.identity.simulators} is on.
 */
@Component
@ConditionalOnIdentitySimulators
public class SimulatedBankId {

    /** As at BankID: an order nobody scans or opens fails with startFailed after about 30 seconds. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** An order started in the app but not finished fails with expiredTransaction. */
    static final Duration ORDER_TIMEOUT = Duration.ofMinutes(3);

    static final Duration COMPLETE_COLLECTABLE = Duration.ofMinutes(3);
    static final Duration FAILED_COLLECTABLE = Duration.ofMinutes(5);
    /**
     * How many seconds old a scanned code may be: it changes every second, but between the screen showing it and
     * the phone reporting it, a camera, a network and a busy machine take their time. A code from the future
     * (beyond one second of clock skew) is never accepted.
     */
    public static final long QR_MAX_AGE_SECONDS = 5;
    /** The failures the phone app can produce on purpose. */
    static final Set<String> PHONE_FAILURES =
            Set.of("userCancel", "expiredTransaction", "startFailed", "certificateErr", "userDeclinedCall");

    private final Clock clock;
    private final Map<String, SimulatedOrder> orders = new LinkedHashMap<>();

    SimulatedBankId(Clock clock) {
        this.clock = clock;
    }

    synchronized AuthResponse auth(String endUserIp, String personalNumber, String visibleText) {
        Instant now = expire();
        if (personalNumber != null) {
            boolean busy = false;
            for (SimulatedOrder order : orders.values()) {
                if (order.pending() && personalNumber.equals(order.requiredPersonalNumber())) {
                    order.fail("cancelled", now); // as at BankID: both the old and the new order end
                    busy = true;
                }
            }
            if (busy) {
                throw new SimulatorRefusal(
                        400, "alreadyInProgress", "An order for this personal number is already in progress.");
            }
        }
        SimulatedOrder order =
                new SimulatedOrder(uuid(), uuid(), uuid(), uuid(), now, personalNumber, endUserIp, visibleText);
        orders.put(order.orderRef(), order);
        return new AuthResponse(order.orderRef(), order.autoStartToken(), order.qrStartToken(), order.qrStartSecret());
    }

    synchronized CollectResponse collect(String orderRef) {
        expire();
        SimulatedOrder order = known(orderRef);
        return switch (order.stage()) {
            case COMPLETE -> new CollectResponse(orderRef, BankIdJson.COMPLETE, null, SimulatedCompletion.of(order));
            case FAILED -> new CollectResponse(orderRef, BankIdJson.FAILED, order.hintCode(), null);
            default -> new CollectResponse(orderRef, BankIdJson.PENDING, order.hintCode(), null);
        };
    }

    synchronized void cancel(String orderRef) {
        expire();
        SimulatedOrder order = known(orderRef);
        if (!order.pending()) {
            throw SimulatorRefusal.invalidParameters("Order already finished.");
        }
        orders.remove(orderRef);
    }

    /** The phone app scans a QR code: accepted only if its HMAC is right and its t is within a second of now. */
    synchronized SimulatedOrder scan(String text) {
        Instant now = expire();
        AnimatedQr.Scanned scanned = AnimatedQr.parse(text)
                .orElseThrow(() -> SimulatorRefusal.onPhone("Det där är ingen animerad BankID-QR-kod."));
        SimulatedOrder order = orders.values().stream()
                .filter(o -> o.qrStartToken().equals(scanned.qrStartToken()))
                .findFirst()
                .orElseThrow(() -> SimulatorRefusal.onPhone("QR-koden hör inte till någon order."));
        long expected = AnimatedQr.secondsBetween(order.createdAt(), now);
        if (expected - scanned.seconds() > QR_MAX_AGE_SECONDS) {
            throw SimulatorRefusal.onPhone("QR-koden är för gammal: den byts varje sekund. Läs av den igen.");
        }
        if (scanned.seconds() > expected + 1) {
            throw SimulatorRefusal.onPhone("QR-koden har en tid som inte har kommit än: den är inte äkta.");
        }
        byte[] right =
                AnimatedQr.authCode(order.qrStartSecret(), scanned.seconds()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(right, scanned.authCode().getBytes(StandardCharsets.US_ASCII))) {
            throw SimulatorRefusal.onPhone("QR-koden är inte äkta: kontrollsumman stämmer inte.");
        }
        return start(order);
    }

    /** The phone app is opened with an autostart token, as a link on the same device does. */
    synchronized SimulatedOrder open(String autoStartToken) {
        expire();
        return start(orders.values().stream()
                .filter(o -> o.autoStartToken().equals(autoStartToken == null ? "" : autoStartToken.strip()))
                .findFirst()
                .orElseThrow(() -> SimulatorRefusal.onPhone("Ingen order har den autostarttoken.")));
    }

    /**
     * The person chooses who they are. Unlike the real app, which would not offer a BankID other than the one in
     * requirement.personalNumber, the simulator lets anyone through: that is how Portvakt's own check of the
     * completed identity is tested (the page warns about it).
     */
    synchronized void identify(String orderRef, TestPerson person) {
        inProgress(orderRef, Stage.STARTED, Stage.SIGNING).signing(person);
    }

    /**
     * An order picked by any of its handles, for the simulator's test API: BankID's orderRef, the autostart token,
     * or a QR string as shown right now (which is checked like a scan, and so always opens the order).
     *
     * @param open whether an order nobody has scanned or opened yet is opened in the app now
     */
    synchronized SimulatedOrder select(String orderRef, String autoStartToken, String qrCode, boolean open) {
        expire();
        if (qrCode != null && !qrCode.isBlank()) {
            return scan(qrCode);
        }
        SimulatedOrder order = orders.values().stream()
                .filter(o -> o.orderRef().equals(orderRef) || o.autoStartToken().equals(autoStartToken))
                .findFirst()
                .orElseThrow(() -> SimulatorRefusal.onPhone("Ingen order har den orderRef eller autostarttoken."));
        return open && order.stage() == Stage.OUTSTANDING ? start(order) : order;
    }

    synchronized void approve(String orderRef) {
        inProgress(orderRef, Stage.SIGNING).complete(clock.instant());
    }

    synchronized void fail(String orderRef, String hintCode) {
        if (!PHONE_FAILURES.contains(hintCode)) {
            throw SimulatorRefusal.onPhone("Okänt fel att simulera: " + hintCode);
        }
        inProgress(orderRef, Stage.OUTSTANDING, Stage.STARTED, Stage.SIGNING).fail(hintCode, clock.instant());
    }

    synchronized List<SimulatedOrder> pending() {
        expire();
        return orders.values().stream().filter(SimulatedOrder::pending).toList();
    }

    synchronized Optional<SimulatedOrder> find(String orderRef) {
        expire();
        return Optional.ofNullable(orders.get(orderRef));
    }

    private SimulatedOrder start(SimulatedOrder order) {
        if (order.stage() != Stage.OUTSTANDING) {
            throw SimulatorRefusal.onPhone("Ordern är redan öppnad eller avslutad.");
        }
        order.started();
        return order;
    }

    private SimulatedOrder inProgress(String orderRef, Stage... allowed) {
        expire();
        SimulatedOrder order = orders.get(orderRef);
        if (order == null || !List.of(allowed).contains(order.stage())) {
            throw SimulatorRefusal.onPhone("Ordern finns inte längre eller har gått vidare.");
        }
        return order;
    }

    private SimulatedOrder known(String orderRef) {
        SimulatedOrder order = orderRef == null ? null : orders.get(orderRef);
        if (order == null) {
            throw SimulatorRefusal.invalidParameters("No such order");
        }
        return order;
    }

    /** BankID's timeouts, applied whenever the simulator is touched. */
    private Instant expire() {
        Instant now = clock.instant();
        for (SimulatedOrder order : new ArrayList<>(orders.values())) {
            Duration age = Duration.between(order.createdAt(), now);
            if (order.stage() == Stage.OUTSTANDING && age.compareTo(START_TIMEOUT) >= 0) {
                order.fail("startFailed", now);
            } else if (order.pending() && age.compareTo(ORDER_TIMEOUT) >= 0) {
                order.fail("expiredTransaction", now);
            } else if (!order.pending()) {
                Duration kept = order.stage() == Stage.COMPLETE ? COMPLETE_COLLECTABLE : FAILED_COLLECTABLE;
                if (Duration.between(order.finishedAt(), now).compareTo(kept) >= 0) {
                    orders.remove(order.orderRef());
                }
            }
        }
        return now;
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
