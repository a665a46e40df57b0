package se.portvakt.sfu;

/**
 * The SFU node carrying a meeting (or echo session) stopped answering and its placement was forgotten: the meeting's
 * browsers must offer again, which places it on a live node. Heard by one app node per meeting.
 *
 * @param meetingId the meeting whose media was on the node
 * @param node      the lost node's control URL
 */
public record MeetingNodeLost(String meetingId, String node) {}
