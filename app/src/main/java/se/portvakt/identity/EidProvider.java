package se.portvakt.identity;

import java.util.Optional;
import se.portvakt.person.PersonalIdentityNumber;

/**
 * One Swedish e-legitimation service (BankID, Freja eID) as the guest and host login flows use it:
 * start an order, show its QR code or open the app on this device, poll until it ends, or cancel it.
 * Implementations are real clients of the service's HTTP API; the embedded default points them at
 * local simulators that speak the same API.
 */
public interface EidProvider {

    EidMethod method();

    /** True for a local simulator: every login through it is marked as simulated in the UI and the audit log. */
    boolean simulated();

    /** Starts an order. The secret parts (e.g. BankID's qrStartSecret) stay on the server. */
    EidOrder start(EidStart request);

    /** Where the order stands now; call about every 2 seconds. */
    EidProgress poll(String orderRef);

    /** What the QR code shows right now (BankID's changes every second), or empty when none should show. */
    Optional<String> qrCode(String orderRef);

    /** Cancels an order that is still pending; quietly does nothing for an ended or unknown one. */
    void cancel(String orderRef);

    /**
     * @param endUserIp the guest's IP address, as the service requires
     * @param expectedPerson the person the invitation names, or null; the service is asked to accept only them
     * @param userVisibleText what the app shows the person, e.g. "Logga in till möte hos Demo kommun"
     */
    record EidStart(String endUserIp, PersonalIdentityNumber expectedPerson, String userVisibleText) {}

    /**
     * @param autoStartLink opens the app on this device (BankID's autostart link, Freja's app link), or null
     */
    record EidOrder(String orderRef, String autoStartLink) {}

    /**
     * @param messageKey the message to show the person now, a key in the provider's i18n bundle
     *     (for BankID, its recommended RFA text for the hint code)
     * @param person who identified, when COMPLETE; null otherwise
     */
    record EidProgress(Status status, String messageKey, VerifiedPerson person) {
        public enum Status {
            PENDING,
            COMPLETE,
            FAILED
        }
    }
}
