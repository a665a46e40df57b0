package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.ParticipantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every intent crosses the bus as it was published (JSON out and back, with the app's null-leaving mapper too) and
 * a node carries it out as the {@link Sockets} call it stands for.
 */
class SocketIntentTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** As the app's: spring.jackson.default-property-inclusion=non_null. */
    static final JsonMapper NON_NULL = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    static final UUID MEETING = UUID.fromString("3f2b8c1e-2d6a-4d8e-9d7a-0b1c2d3e4f50");
    static final UUID PARTICIPANT = UUID.fromString("9a1d6f0e-5b7c-4e2a-8f3d-1c2b3a4d5e6f");
    static final UUID ORGANISATION = UUID.fromString("0c4e2a1b-7d3f-4b5a-9e8c-6f1a2b3c4d5e");

    static Stream<SocketIntent> intents() {
        ParticipantId participant = new ParticipantId(PARTICIPANT);
        MeetingId meeting = new MeetingId(MEETING);
        OrganisationId organisation = new OrganisationId(ORGANISATION);
        ServerMessage.Badge badge = new ServerMessage.Badge(
                PARTICIPANT,
                "Anna Andersson",
                false,
                "Anna Andersson",
                "bankid",
                "loa3",
                null,
                true,
                null,
                null,
                null,
                false);
        return Stream.of(
                new SocketIntent.Place(participant, meeting, true),
                new SocketIntent.Place(participant, meeting, false),
                new SocketIntent.StateToMeeting(meeting),
                new SocketIntent.ToPresent(
                        meeting,
                        new ServerMessage.ChatPosted(new ChatLog.Line(
                                PARTICIPANT,
                                "Anna",
                                "Hej på er \"alla\" ✋",
                                Instant.parse("2026-12-07T05:00:01.250Z")))),
                new SocketIntent.ToPresent(meeting, new ServerMessage.Reaction(PARTICIPANT, "", "heart")),
                new SocketIntent.ToPresent(meeting, new ServerMessage.Speaker(PARTICIPANT)),
                new SocketIntent.ToMediaTab(participant, new ServerMessage.Renegotiate(2, 3)),
                new SocketIntent.LobbyToConsoles(organisation),
                new SocketIntent.ToConsoles(
                        organisation,
                        new ServerMessage.Arrived(new ServerMessage.Waiting(
                                badge,
                                MEETING,
                                "Samtal",
                                "Rum 1",
                                Instant.parse("2026-12-07T04:59:00Z"),
                                null,
                                List.of("Bertil Berg")))),
                new SocketIntent.ToGuest(participant, new ServerMessage.MuteRequested()),
                new SocketIntent.ToGuest(participant, new ServerMessage.CameraTurnedOff()),
                new SocketIntent.CloseGuest(
                        participant, new ServerMessage.Closed("DENIED", "Fel dag, välkommen i morgon")),
                new SocketIntent.CloseGuest(participant, new ServerMessage.Closed("REMOVED", null)),
                new SocketIntent.CloseMeeting(meeting, new ServerMessage.Closed("ENDED", null)));
    }

    @ParameterizedTest
    @MethodSource("intents")
    void crossesTheBusUnchanged(SocketIntent intent) {
        for (JsonMapper mapper : List.of(JSON, NON_NULL)) {
            String sent = mapper.writeValueAsString(intent);
            assertThat(mapper.readValue(sent, SocketIntent.class)).as(sent).isEqualTo(intent);
        }
    }

    @ParameterizedTest
    @MethodSource("intents")
    void isCarriedOutAsTheCallItStandsFor(SocketIntent intent) {
        RecordingSockets sockets = new RecordingSockets();
        intent.deliverTo(sockets);
        assertThat(sockets.calls).containsExactly(intent);
    }

    @Test
    void everyIntentIsTested() {
        Set<String> tested = intents()
                .map(intent -> JSON.valueToTree(intent).path("intent").asString())
                .collect(Collectors.toSet());
        Set<String> declared = Arrays.stream(
                        SocketIntent.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name)
                .collect(Collectors.toSet());
        assertThat(tested).isEqualTo(declared);
    }

    /** The shape docs/architecture.md shows: the intent's name, its ids, and the server message as a tab gets it. */
    @Test
    void carriesTheServerMessageAsTheTabGetsIt() {
        JsonNode sent = JSON.valueToTree(new SocketIntent.CloseGuest(
                new ParticipantId(PARTICIPANT), new ServerMessage.Closed("DENIED", "Fel dag")));
        assertThat(sent.toString())
                .isEqualTo("{\"intent\":\"closeGuest\",\"participantId\":\"" + PARTICIPANT
                        + "\",\"last\":{\"type\":\"closed\",\"reason\":\"DENIED\",\"message\":\"Fel dag\"}}");
        assertThat(sent.path("last").toString())
                .isEqualTo(JSON.writeValueAsString(new ServerMessage.Closed("DENIED", "Fel dag")));
    }
}
