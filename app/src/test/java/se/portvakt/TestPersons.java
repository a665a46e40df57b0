package se.portvakt;

import java.util.concurrent.ThreadLocalRandom;
import se.portvakt.person.PersonalIdentityNumber;

/** Valid, random personal identity numbers, so tests sharing a database never collide on one. */
public final class TestPersons {

    private TestPersons() {}

    /** Someone born on 1 March of {@code year}, with a random serial number and the right check digit. */
    public static PersonalIdentityNumber bornIn(int year) {
        String serial = String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        String nine = String.format("%02d", year % 100) + "0301" + serial;
        return PersonalIdentityNumber.parse(year + "0301" + serial + checkDigit(nine))
                .orElseThrow();
    }

    /** Luhn over the ten-digit form's first nine digits. */
    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int n = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += n / 10 + n % 10;
        }
        return (10 - sum % 10) % 10;
    }
}
