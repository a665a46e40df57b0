package se.portvakt.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.portvakt.booking.InviteeContact;
import se.portvakt.ids.InviteeId;

class ContactInputTest {

    static final InviteeContact ANNA =
            new InviteeContact(new InviteeId(UUID.randomUUID()), "Anna.A@example.se", "+46701234567");

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "anna.a@example.se, EMAIL_CODE, anna.a@example.se, true",
                "' Anna.A@EXAMPLE.SE ', EMAIL_CODE, Anna.A@example.se, true",
                "anna.b@example.se, EMAIL_CODE, anna.b@example.se, false",
                "070-123 45 67, SMS_CODE, +46701234567, true",
                "0046 70 123 45 67, SMS_CODE, +46701234567, true",
                "+46 (0)70 1234567, null, null, false",
                "070-123 45 68, SMS_CODE, +46701234568, false",
                "08-123 456 78, null, null, false",
                "anna@, null, null, false",
                "Anna <anna.a@example.se>, null, null, false",
                "'', null, null, false"
            })
    void readsAndMatchesWhatGuestsType(String typed, IdentificationMethod method, String value, boolean matches) {
        var parsed = ContactInput.parse(typed);
        if (method == null) {
            assertThat(parsed).isEmpty();
            return;
        }
        assertThat(parsed).contains(new ContactInput(method, value));
        assertThat(parsed.orElseThrow().matches(ANNA)).isEqualTo(matches);
    }
}
