package se.portvakt.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.ParticipantId;

/** A {@link Sockets} that writes each call down as the intent it stands for. */
final class RecordingSockets implements Sockets {

    final List<SocketIntent> calls = new ArrayList<>();

    @Override
    public void place(UUID participantId, UUID meetingId, boolean inMeeting) {
        calls.add(new SocketIntent.Place(new ParticipantId(participantId), new MeetingId(meetingId), inMeeting));
    }

    @Override
    public void stateToMeeting(UUID meetingId) {
        calls.add(new SocketIntent.StateToMeeting(new MeetingId(meetingId)));
    }

    @Override
    public void toPresent(UUID meetingId, ServerMessage message) {
        calls.add(new SocketIntent.ToPresent(new MeetingId(meetingId), message));
    }

    @Override
    public void toMediaTab(UUID participantId, ServerMessage message) {
        calls.add(new SocketIntent.ToMediaTab(new ParticipantId(participantId), message));
    }

    @Override
    public void lobbyToConsoles(UUID organisationId) {
        calls.add(new SocketIntent.LobbyToConsoles(new OrganisationId(organisationId)));
    }

    @Override
    public void toConsoles(UUID organisationId, ServerMessage message) {
        calls.add(new SocketIntent.ToConsoles(new OrganisationId(organisationId), message));
    }

    @Override
    public void toGuest(UUID participantId, ServerMessage message) {
        calls.add(new SocketIntent.ToGuest(new ParticipantId(participantId), message));
    }

    @Override
    public void closeGuest(UUID participantId, ServerMessage last) {
        calls.add(new SocketIntent.CloseGuest(new ParticipantId(participantId), last));
    }

    @Override
    public void closeMeeting(UUID meetingId, ServerMessage last) {
        calls.add(new SocketIntent.CloseMeeting(new MeetingId(meetingId), last));
    }
}
