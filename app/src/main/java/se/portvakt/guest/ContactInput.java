package se.portvakt.guest;

import java.util.Optional;
import se.portvakt.booking.ContactDetails;
import se.portvakt.booking.InviteeContact;

/**
 * The e-mail address or mobile number a guest types to get a code, read by booking's own rules
 * ({@link ContactDetails}: domain lower-cased, mobile numbers in E.164), so it compares with what was stored.
 *
 * @param method how a code to this contact would go
 * @param value the normalised address or number
 */
record ContactInput(IdentificationMethod method, String value) {

    /** An e-mail address when the input has an @, else a mobile number; empty when it is neither. */
    static Optional<ContactInput> parse(String input) {
        if (input == null || input.isBlank() || input.length() > 320) {
            return Optional.empty();
        }
        return input.contains("@")
                ? ContactDetails.email(input).map(email -> new ContactInput(IdentificationMethod.EMAIL_CODE, email))
                : ContactDetails.mobile(input).map(mobile -> new ContactInput(IdentificationMethod.SMS_CODE, mobile));
    }

    /** Whether the invitation went to this address or number. */
    boolean matches(InviteeContact invitee) {
        return switch (method) {
            // the local part is case-sensitive by the letter of RFC 5321, but no mail service treats it so
            case EMAIL_CODE -> invitee.email() != null && invitee.email().equalsIgnoreCase(value);
            case SMS_CODE -> value.equals(invitee.mobile());
            default -> false;
        };
    }
}
