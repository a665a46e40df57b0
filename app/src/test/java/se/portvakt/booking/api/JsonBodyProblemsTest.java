package se.portvakt.booking.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.portvakt.booking.api.ApiMeeting.MeetingBody;
import se.portvakt.booking.internal.BookingProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class JsonBodyProblemsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "{\"start\": [\"2026-12-01T09:00:00Z\"]}          | start                 | api.error.text-expected",
                "{\"assuranceLevel\": \"LOA4\"}                     | assuranceLevel        | api.error.value-not-allowed",
                "{\"roomId\": \"rum-1\"}                            | roomId                | api.error.id-invalid",
                "{\"confidential\": \"kanske\"}                     | confidential          | api.error.boolean-invalid",
                "{\"version\": \"ett\"}                             | version               | api.error.number-invalid",
                "{\"version\": 99999999999}                         | version               | api.error.number-invalid",
                "{\"invitees\": \"Anna\"}                           | invitees              | api.error.list-expected",
                "{\"invitees\": [{}, {\"id\": 7}]}                  | invitees[1].id        | api.error.id-invalid",
                "{\"invitees\": [{\"name\": {\"first\": \"A\"}}]}   | invitees[0].name      | api.error.text-expected",
                "{\"invitees\": [\"Anna\"]}                         | invitees[0]           | api.error.object-expected",
                "[]                                                 | null                  | api.error.object-expected",
                "{\"title\": \"Möte\",                              | null                  | api.error.json-malformed",
                "{\"title\": Möte}                                  | null                  | api.error.json-malformed"
            })
    void namesTheFieldAndWhatItShouldBe(String body, String field, String code) {
        JacksonException unreadable =
                catchThrowableOfType(JacksonException.class, () -> JSON.readValue(body, MeetingBody.class));

        BookingProblem problem = JsonBodyProblems.of(unreadable);
        assertThat(problem.field()).as(unreadable.getMessage()).isEqualTo(field);
        assertThat(problem.code()).as(unreadable.getMessage()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"'{\"title\": ',1,11", "'{\n  \"title\": x}',2,12"})
    void saysWhereMalformedJsonBreaks(String body, int line, int column) {
        JacksonException unreadable =
                catchThrowableOfType(JacksonException.class, () -> JSON.readValue(body, MeetingBody.class));

        assertThat(JsonBodyProblems.of(unreadable).arguments()).isEqualTo(List.of(line, column));
    }
}
