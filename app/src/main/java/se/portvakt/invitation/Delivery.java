package se.portvakt.invitation;

import java.time.Instant;
import java.util.UUID;

/**
 * Where one invitation message to one invitee stands.
 *
 * @param channel EMAIL or SMS
 * @param status PENDING, SENDING, SENT or FAILED
 * @param sentAt when it left, null until SENT
 */
public record Delivery(UUID inviteeId, String channel, String status, Instant sentAt) {}
