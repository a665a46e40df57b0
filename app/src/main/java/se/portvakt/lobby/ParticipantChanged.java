package se.portvakt.lobby;

import java.util.UUID;

/**
 * A participant's state changed (or they arrived): published after the change is written, for whoever shows it.
 *
 * @param previousMeetingId the meeting they were in before a move, else the same as {@code meetingId}
 */
public record ParticipantChanged(
        UUID organisationId,
        UUID meetingId,
        UUID previousMeetingId,
        UUID participantId,
        ParticipantState state,
        boolean arrived) {}
