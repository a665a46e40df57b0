package se.portvakt.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.TestPersons;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.identity.EidMethod;
import se.portvakt.identity.EidRules;
import se.portvakt.person.PersonalIdentityNumber;
import se.portvakt.person.PinVault;

/**
 * A child invited with a guardian: the organisation's minimum age keeps applying to each person's own e-ID. The
 * child logging in with their own BankID is kept out; the guardian's link to the child lends them nothing, and the
 * child's age takes nothing from the guardian.
 */
@IntegrationTest
class GuardianAgeRuleIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    BookingService booking;

    @Autowired
    EidRules rules;

    @Autowired
    MyMeetings myMeetings;

    @Autowired
    PinVault pins;

    CitizenSession loggedIn(PersonalIdentityNumber person) {
        return new CitizenSession(pins.encrypt(person), EidMethod.BANKID, "Inloggad", true, Instant.now());
    }

    EidRules.Refusal refusalFor(PersonalIdentityNumber person, String title) {
        return myMeetings.of(loggedIn(person)).stream()
                .filter(mine -> mine.meeting().title().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + title))
                .refusal();
    }

    @Test
    void theMinimumAgeAppliesToTheChildsOwnEidWhateverTheGuardian() {
        Tenant clinic = fixtures.tenant();
        rules.save(clinic.organisation().id(), new EidRules.Rules(18, EnumSet.allOf(EidMethod.class)));
        PersonalIdentityNumber child = TestPersons.bornIn(java.time.Year.now().getValue() - 10);
        PersonalIdentityNumber guardian = TestPersons.bornIn(1985);
        String title = "Barnsamtal " + UUID.randomUUID();
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        booking.book(
                clinic.actor(),
                new MeetingRequest(
                        title,
                        clinic.room().id().value(),
                        clinic.host().id().value(),
                        start,
                        start.plus(Duration.ofMinutes(30)),
                        AssuranceLevel.LOA3,
                        false,
                        null,
                        "sv",
                        List.of(
                                new InviteeRequest(
                                        null,
                                        "Lisa",
                                        "lisa-" + UUID.randomUUID() + "@example.se",
                                        null,
                                        child.digits(),
                                        null),
                                new InviteeRequest(
                                        null,
                                        "Anna",
                                        "anna-" + UUID.randomUUID() + "@example.se",
                                        null,
                                        guardian.digits(),
                                        0))));

        EidRules.Refusal childRefused = refusalFor(child, title);
        assertThat(childRefused)
                .as("the child is under the organisation's minimum age")
                .isNotNull();
        assertThat(childRefused.arguments()).contains(18);
        assertThat(refusalFor(guardian, title)).as("the guardian is of age").isNull();
    }
}
