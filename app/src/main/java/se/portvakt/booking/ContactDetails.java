package se.portvakt.booking;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the e-mail addresses and mobile numbers people type, into the one form we store. */
public final class ContactDetails {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern DOMAIN = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}");

    private ContactDetails() {}

    /** A bare address (no display name) with a real-looking domain, domain lower-cased. */
    public static Optional<String> email(String input) {
        if (input == null || input.isBlank() || input.length() > 320) {
            return Optional.empty();
        }
        String trimmed = input.strip();
        try {
            InternetAddress address = new InternetAddress(trimmed, true);
            address.validate();
            if (!address.getAddress().equals(trimmed) || address.getPersonal() != null) {
                return Optional.empty();
            }
        } catch (AddressException e) {
            return Optional.empty();
        }
        int at = trimmed.lastIndexOf('@');
        String domain = trimmed.substring(at + 1);
        if (at < 1 || !DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        return Optional.of(trimmed.substring(0, at) + "@" + domain.toLowerCase(Locale.ROOT));
    }

    /**
     * A mobile number in E.164. Swedish national numbers (070-123 45 67) become +46701234567;
     * numbers from elsewhere are written with their country code (+358..., 00358...).
     */
    public static Optional<String> mobile(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String number = input.strip().replaceAll("[\\s\\-().]", "");
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        } else if (number.startsWith("0")) {
            number = "+46" + number.substring(1);
        }
        if (!E164.matcher(number).matches()) {
            return Optional.empty();
        }
        if (number.startsWith("+46") && !number.matches("\\+467\\d{8}")) {
            return Optional.empty(); // a Swedish number that is not a mobile cannot receive the SMS
        }
        return Optional.of(number);
    }
}
