package se.portvakt.identity.bankid;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.identity.EidMethod;
import se.portvakt.identity.EidProvider.EidProgress;
import se.portvakt.identity.EidProvider.EidProgress.Status;
import se.portvakt.identity.VerifiedPerson;
import se.portvakt.identity.bankid.BankIdJson.CompletionData;
import se.portvakt.identity.bankid.BankIdJson.User;
import se.portvakt.identity.bankid.BankIdOrders.StoredOrder;
import se.portvakt.person.PersonalIdentityNumber;

/**
 * Turns BankID's completionData into a {@link VerifiedPerson}, after checking it. BankID itself refuses anyone
 * but the person in requirement.personalNumber; checking again costs nothing and keeps a mistake anywhere
 * between here and BankID from admitting the wrong person.
 */
class BankIdCompletion {

    private static final Logger log = LoggerFactory.getLogger(BankIdCompletion.class);

    private final BankIdOrders orders;
    private final AuditLog audit;
    private final boolean simulator;

    /** @param simulator true when the orders are the built-in simulator's: every person it vouches for is simulated */
    BankIdCompletion(BankIdOrders orders, AuditLog audit, boolean simulator) {
        this.orders = orders;
        this.audit = audit;
        this.simulator = simulator;
    }

    EidProgress complete(StoredOrder order, CompletionData data) {
        User user = data == null ? null : data.user();
        Optional<PersonalIdentityNumber> number =
                Optional.ofNullable(user).flatMap(u -> PersonalIdentityNumber.parse(u.personalNumber()));
        if (number.isEmpty()) {
            log.warn("BankID completed order {} without a valid personal number", order.id());
            return fail(order, BankIdMessages.RFA22);
        }
        PersonalIdentityNumber person = number.get();
        if (!orders.admits(order, person)) {
            log.warn("BankID order {} was completed by {}, not by the invited person", order.id(), person.masked());
            audit.record(AuditEntry.of(null, AuditAction.BANKID_WRONG_PERSON, AuditActor.SYSTEM)
                    .subject(order.id())
                    .person(person)
                    .evidence("BANKID", "LOA3", simulator || Boolean.TRUE.equals(data.simulated()))
                    .detail("outcome", "not the person the invitation names"));
            return fail(order, BankIdMessages.WRONG_PERSON);
        }
        if (!orders.finished(order.id(), BankIdOrders.Status.COMPLETE, BankIdMessages.COMPLETE)) {
            // another poll (another tab, another node) took this result first: a result is handed out once only
            return new EidProgress(Status.FAILED, BankIdMessages.RFA22, null);
        }
        // the flag only ever adds caution: the real BankID never sends it
        boolean simulated = simulator || Boolean.TRUE.equals(data.simulated());
        VerifiedPerson verified =
                new VerifiedPerson(person, user.name(), user.givenName(), user.surname(), EidMethod.BANKID, simulated);
        return new EidProgress(Status.COMPLETE, BankIdMessages.COMPLETE, verified);
    }

    private EidProgress fail(StoredOrder order, String messageKey) {
        orders.finished(order.id(), BankIdOrders.Status.FAILED, messageKey);
        return new EidProgress(Status.FAILED, messageKey, null);
    }
}
