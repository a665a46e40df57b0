package se.portvakt.lobby;

import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.ParticipantId;

/**
 * A participant's state changed (or they arrived): published after the change is written, for whoever shows it.
 *
 * @param previousMeetingId the meeting they were in before a move, else the same as {@code meetingId}
 */
public record ParticipantChanged(
        OrganisationId organisationId,
        MeetingId meetingId,
        MeetingId previousMeetingId,
        ParticipantId participantId,
        ParticipantState state,
        boolean arrived) {}
