package se.portvakt.identity;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.portvakt.identity.EidProvider.EidOrder;
import se.portvakt.identity.EidProvider.EidProgress;
import se.portvakt.identity.EidProvider.EidStart;

/**
 * The e-legitimation order a browser session is waiting for, one per purpose (a guest's invitation, a host's
 * login). The session holds only the provider's own order reference; the provider keeps everything secret
 * (BankID's qrStartSecret) on the server.
 */
@Component
public class EidFlows {

    /**
     * An order this session started and has not seen end.
     *
     * @param qr true when the person scans a QR code with another device; false when the app opens on this one
     */
    public record Pending(EidMethod method, String orderRef, String autoStartLink, boolean qr)
            implements Serializable {}

    private static final Logger log = LoggerFactory.getLogger(EidFlows.class);

    private final Map<EidMethod, EidProvider> providers = new EnumMap<>(EidMethod.class);

    EidFlows(ObjectProvider<EidProvider> providers) {
        providers.orderedStream().forEach(provider -> this.providers.putIfAbsent(provider.method(), provider));
    }

    /** The e-legitimations configured on this service, in a fixed order (BankID first). */
    public List<EidMethod> available() {
        return providers.keySet().stream().sorted().toList();
    }

    public boolean simulated(EidMethod method) {
        return providers.containsKey(method) && providers.get(method).simulated();
    }

    /**
     * Starts an order and remembers it for {@code purpose}; an order still pending for it is cancelled first.
     * Empty when the service cannot be reached or refuses to start one (the person may try again shortly).
     */
    public Optional<Pending> start(HttpSession session, String purpose, EidMethod method, boolean qr, EidStart start) {
        EidProvider provider = provider(method);
        cancel(session, purpose);
        EidOrder order;
        try {
            order = provider.start(start);
        } catch (RuntimeException e) {
            log.warn("{} could not start an order: {}", method, e.getMessage());
            return Optional.empty();
        }
        Pending pending = new Pending(method, order.orderRef(), order.autoStartLink(), qr);
        session.setAttribute(key(purpose), pending);
        if (qr) {
            // the page shows the code at once: the provider counts this as a QR order from the first poll
            provider.qrCode(order.orderRef());
        }
        return Optional.of(pending);
    }

    public Optional<Pending> pending(HttpSession session, String purpose) {
        return session == null ? Optional.empty() : Optional.ofNullable((Pending) session.getAttribute(key(purpose)));
    }

    /** Where the pending order stands; an ended order (complete or failed) is forgotten, so it counts once. */
    public Optional<EidProgress> poll(HttpSession session, String purpose) {
        return pending(session, purpose).map(pending -> {
            EidProgress progress = provider(pending.method()).poll(pending.orderRef());
            if (progress.status() != EidProgress.Status.PENDING) {
                session.removeAttribute(key(purpose));
            }
            return progress;
        });
    }

    /** What the QR code shows now, if the order should show one. */
    public Optional<String> qrCode(HttpSession session, String purpose) {
        return pending(session, purpose)
                .filter(Pending::qr)
                .flatMap(pending -> provider(pending.method()).qrCode(pending.orderRef()));
    }

    /** Cancels the pending order, if any, at the provider too (the person's app then stops asking). */
    public void cancel(HttpSession session, String purpose) {
        pending(session, purpose).ifPresent(pending -> {
            session.removeAttribute(key(purpose));
            provider(pending.method()).cancel(pending.orderRef());
        });
    }

    private EidProvider provider(EidMethod method) {
        EidProvider provider = providers.get(method);
        if (provider == null) {
            throw new IllegalArgumentException(method + " is not configured on this service");
        }
        return provider;
    }

    private static String key(String purpose) {
        return EidFlows.class.getName() + "." + purpose;
    }
}
