package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.ParticipantId;
import se.portvakt.lobby.LobbyRefusal;

/** Every message a browser may send has its one handler: a new type without one fails here and at start. */
class MessageHandlersTest {

    static Stream<JsonSubTypes.Type> protocolTypes() {
        return Arrays.stream(
                ClientMessage.class.getAnnotation(JsonSubTypes.class).value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocolTypes")
    void eachProtocolTypeHasAHandler(JsonSubTypes.Type type) {
        assertThat(MeetingControl.HANDLERS.handles(type.value()))
                .as(type.name())
                .isTrue();
    }

    @org.junit.jupiter.api.Test
    void everyRecordOfTheSealedInterfaceIsInTheProtocol() {
        assertThat(MessageHandlers.leavesOf(ClientMessage.class))
                .containsExactlyInAnyOrderElementsOf(MessageHandlers.protocolTypes());
    }

    @org.junit.jupiter.api.Test
    void aTableWithoutSomeHandlerDoesNotComplete() {
        MessageHandlers partial = new MessageHandlers()
                .on(ClientMessage.Ping.class, (control, caller, ping, tab) -> List.of(new ServerMessage.Pong()));
        assertThatThrownBy(partial::complete)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Chat")
                .hasMessageContaining("Publish")
                .hasMessageNotContaining("Ping");
    }

    @org.junit.jupiter.api.Test
    void aTypeHasOneHandlerOnly() {
        MessageHandlers table =
                new MessageHandlers().on(ClientMessage.Ping.class, (control, caller, ping, tab) -> List.of());
        assertThatThrownBy(() -> table.on(ClientMessage.Ping.class, (control, caller, ping, tab) -> List.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    @org.junit.jupiter.api.Test
    void aPingIsAnsweredWithAPongWhoeverSendsIt() {
        Caller guest = new Caller.Guest(new InviteeId(UUID.randomUUID()), new ParticipantId(UUID.randomUUID()));
        assertThat(MeetingControl.HANDLERS.handle(null, guest, new ClientMessage.Ping(), participantId -> {}))
                .containsExactly(new ServerMessage.Pong());
    }

    @org.junit.jupiter.api.Test
    void aGuestIsRefusedAHostsCommandBeforeAnythingIsLookedUp() {
        Caller guest = new Caller.Guest(new InviteeId(UUID.randomUUID()), new ParticipantId(UUID.randomUUID()));
        assertThatThrownBy(() -> MeetingControl.HANDLERS.handle(
                        null,
                        guest,
                        new ClientMessage.Admit(new ParticipantId(UUID.randomUUID())),
                        participantId -> {}))
                .isInstanceOfSatisfying(
                        LobbyRefusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo("forbidden"));
    }
}
