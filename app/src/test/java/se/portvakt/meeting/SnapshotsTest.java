package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.MeetingStatus;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.booking.Meetings;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.ParticipantId;
import se.portvakt.lobby.Lobby;
import se.portvakt.lobby.Participant;
import se.portvakt.lobby.ParticipantState;

/** A broadcast reads what a meeting's tabs share once, however many tabs it renders (issue 13's fan-out cost). */
class SnapshotsTest {

    final MeetingId meeting = new MeetingId(UUID.randomUUID());
    final Lobby lobby = mock(Lobby.class);
    final Meetings meetings = mock(Meetings.class);
    final MeetingSessions sessions = mock(MeetingSessions.class);
    final ChatLog chat = mock(ChatLog.class);
    final RaisedHands hands = mock(RaisedHands.class);
    final MediaStates media = mock(MediaStates.class);
    final Snapshots snapshots = new Snapshots(
            lobby, sessions, chat, hands, media, meetings, mock(TurnCredentials.class), Clock.systemUTC());

    final List<Participant> guests = IntStream.range(0, 10)
            .mapToObj(i -> new Participant(
                    new ParticipantId(UUID.randomUUID()),
                    meeting,
                    null,
                    null,
                    ParticipantState.IN_MEETING,
                    "Gäst " + i,
                    null,
                    "SMS",
                    "LOA2",
                    false,
                    null,
                    Instant.EPOCH,
                    null,
                    null))
            .toList();

    @Test
    void tenTabsOfOneMeetingReadItsSummaryRosterAndChatOnce() {
        when(meetings.summary(meeting)).thenReturn(Optional.of(summary()));
        when(sessions.life(meeting.value())).thenReturn(new MeetingSessions.Life(true, false, false));
        when(lobby.ofMeeting(meeting, ParticipantState.IN_MEETING)).thenReturn(guests);
        guests.forEach(guest -> when(lobby.find(guest.id())).thenReturn(Optional.of(guest)));
        when(hands.order(meeting.value())).thenReturn(List.of(guests.get(3).id().value()));
        when(media.of(meeting.value())).thenReturn(Map.of());
        when(media.connectionsLost(meeting.value())).thenReturn(Set.of());
        when(chat.of(meeting.value())).thenReturn(List.of(new ChatLog.Line(null, "Värd", "Hej", Instant.EPOCH)));

        var broadcast = snapshots.forBroadcast();
        List<ServerMessage.State> states = guests.stream()
                .map(guest ->
                        broadcast.apply(new Caller.Guest(null, guest.id())).orElseThrow())
                .toList();

        assertThat(states).allSatisfy(state -> {
            assertThat(state.roster()).hasSize(10);
            assertThat(state.chat()).extracting(ChatLog.Line::text).containsExactly("Hej");
            assertThat(state.meeting().title()).isEqualTo("Samtal");
        });
        assertThat(states.get(0).roster().get(3).hand()).isEqualTo(1);
        verify(meetings, times(1)).summary(any());
        verify(sessions, times(1)).life(any());
        verify(lobby, times(1)).ofMeeting(meeting, ParticipantState.IN_MEETING);
        verify(hands, times(1)).order(any());
        verify(media, times(1)).of(any());
        verify(chat, times(1)).of(any());
    }

    private MeetingSummary summary() {
        return new MeetingSummary(
                meeting,
                new OrganisationId(UUID.randomUUID()),
                "Kommunen",
                "Samtal",
                Instant.EPOCH,
                Instant.EPOCH.plusSeconds(3600),
                ZoneId.of("Europe/Stockholm"),
                "Rum 1",
                "Värd",
                AssuranceLevel.LOA2,
                false,
                null,
                "sv",
                MeetingStatus.SCHEDULED);
    }
}
