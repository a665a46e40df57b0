package se.portvakt.identity.bankid.simulator;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import se.portvakt.identity.bankid.BankIdJson.CompletionData;
import se.portvakt.identity.bankid.BankIdJson.Device;
import se.portvakt.identity.bankid.BankIdJson.User;
import se.portvakt.identity.bankid.simulator.TestIdentities.TestPerson;

/**
 * The simulator's completionData: shaped like BankID's, but the "signature" and "OCSP response" say plainly that
 * nothing was signed, and {@code simulated} is set so that the person is never taken for a real identification.
 */
final class SimulatedCompletion {

    private SimulatedCompletion() {}

    static CompletionData of(SimulatedOrder order) {
        TestPerson person = order.person();
        String visible = order.visibleText() == null ? "" : order.visibleText();
        String signature = "<SimulatedSignature>SIMULATOR – inte riktigt BankID. Ingen signatur har skapats. "
                + "Order " + order.orderRef() + ". Text: " + escapeXml(visible) + "</SimulatedSignature>";
        // the issue date of a BankID is a date with a zone designator, e.g. 2024-01-13Z
        String issueDate =
                order.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().minusYears(1) + "Z";
        return new CompletionData(
                new User(person.personalNumber(), person.name(), person.givenName(), person.surname()),
                new Device(order.endUserIp(), deviceId(person)),
                issueDate,
                base64(signature),
                base64("SIMULATOR: no OCSP response"),
                true);
    }

    /** A stable "unique hardware identifier" per test person, as a real phone would have. */
    private static String deviceId(TestPerson person) {
        UUID id = UUID.nameUUIDFromBytes(
                ("portvakt-simulator:" + person.personalNumber()).getBytes(StandardCharsets.UTF_8));
        return base64(id.toString());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
