package se.portvakt.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * A Swedish personal identity number (personnummer) or co-ordination number (samordningsnummer),
 * always held in its twelve-digit form YYYYMMDDNNNN. Never logged: {@link #toString()} is masked.
 */
public final class PersonalIdentityNumber {

    private final String digits;

    private PersonalIdentityNumber(String digits) {
        this.digits = digits;
    }

    /**
     * Reads YYYYMMDDNNNN or YYYYMMDD-NNNN (spaces allowed). The ten-digit form is refused on purpose:
     * its century is a guess, and a wrong guess would admit the wrong person.
     */
    public static Optional<PersonalIdentityNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String cleaned = input.replace(" ", "");
        if (cleaned.length() == 13 && cleaned.charAt(8) == '-') {
            cleaned = cleaned.substring(0, 8) + cleaned.substring(9);
        }
        if (!cleaned.matches("\\d{12}")
                || !luhnValid(cleaned.substring(2))
                || birthDate(cleaned).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PersonalIdentityNumber(cleaned));
    }

    /** The twelve digits; for encryption and comparison only, never for display or logs. */
    public String digits() {
        return digits;
    }

    /** YYYYMMDD-****: what a person may see. */
    public String masked() {
        return digits.substring(0, 8) + "-****";
    }

    public LocalDate birthDate() {
        return birthDate(digits).orElseThrow();
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate(), day).getYears();
    }

    private static Optional<LocalDate> birthDate(String twelveDigits) {
        int year = Integer.parseInt(twelveDigits.substring(0, 4));
        int month = Integer.parseInt(twelveDigits.substring(4, 6));
        int day = Integer.parseInt(twelveDigits.substring(6, 8));
        if (day > 60) {
            day -= 60; // a co-ordination number adds 60 to the day of birth
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The check digit of the ten-digit form YYMMDDNNNC. */
    private static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < tenDigits.length(); i++) {
            int d = tenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonalIdentityNumber pin && pin.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
