package se.portvakt.booking.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.portvakt.booking.api.ApiMeeting.InviteeBody;
import se.portvakt.booking.api.ApiMeetingRequests.Resolved;
import se.portvakt.booking.internal.BookingProblem;
import se.portvakt.booking.internal.BookingRejected;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;

class ApiMeetingRequestsTest {

    private static final UUID EXISTING = UUID.randomUUID();

    @ParameterizedTest(name = "{0}, {1} -> {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "existing, 19121212-****, null",
                "existing, ' 19121212-**** ', null",
                "existing, 19121212-1212, 19121212-1212",
                "existing, null, null",
                "new, 19121212-****, 19121212-****"
            })
    void anExistingInviteeSentBackAsReadKeepsTheNumberOnFile(String who, String sent, String passedOn) {
        InviteeBody body = new InviteeBody(
                "existing".equals(who) ? EXISTING : null, "Anna", "anna@example.se", null, sent, null, Map.of());

        assertThat(ApiMeetingRequests.invitee(body).personalIdentityNumber()).isEqualTo(passedOn);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            nullValues = "null",
            delimiter = '|',
            value = {
                "2026-12-01T09:00:00+01:00          | 2026-12-01T08:00:00Z",
                "2026-12-01T09:00+01:00             | 2026-12-01T08:00:00Z",
                "2026-12-01T08:00:00.5Z             | 2026-12-01T08:00:00.500Z",
                "' 2026-12-01T09:00:00 01:00 '      | 2026-12-01T08:00:00Z",
                "2026-12-01T09:00:00                | invalid",
                "2026-12-01 09:00:00+01:00          | invalid",
                "2026-02-30T09:00:00+01:00          | invalid",
                "1700000000                         | invalid",
                "2026-12-01T09:00:00+01:00[Europe/Stockholm] | invalid",
                "''                                 | null",
                "null                               | null"
            })
    void readsIsoTimesWithAnOffsetOnly(String text, String expected) {
        List<BookingProblem> problems = new java.util.ArrayList<>();
        var time = ApiMeetingRequests.time("start", text, problems);

        if ("invalid".equals(expected)) {
            assertThat(time).isEmpty();
            assertThat(problems).containsExactly(BookingProblem.of("start", "api.error.date-time-invalid"));
        } else {
            assertThat(time.map(t -> t.toInstant().toString()).orElse(null)).isEqualTo(expected);
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void aNullInviteeIsOneWithNothingFilledIn() {
        assertThat(ApiMeetingRequests.invitee(null)).isEqualTo(new InviteeRequest(null, null, null, null, null));
    }

    @Test
    void bookingsProblemsAreToldInTheApisFieldNamesWithoutRepeatingOurOwn() {
        Resolved byName =
                new Resolved(null, List.of(BookingProblem.of("roomName", "booking.error.room-unknown")), true);
        BookingRejected byBooking = new BookingRejected(List.of(
                BookingProblem.of("title", "booking.error.title-required"),
                BookingProblem.of("roomId", "booking.error.room-required"),
                BookingProblem.of("hostId", "booking.error.host-required")));

        assertThat(byName.explain(byBooking).problems())
                .containsExactly(
                        BookingProblem.of("roomName", "booking.error.room-unknown"),
                        BookingProblem.of("title", "booking.error.title-required"),
                        BookingProblem.of("hostEmail", "booking.error.host-required"));

        Resolved byId = new Resolved(null, List.of(), false);
        assertThat(byId.explain(byBooking).problems())
                .extracting(BookingProblem::field)
                .containsExactly("title", "roomId", "hostEmail");
    }
}
