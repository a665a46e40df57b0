package se.portvakt.booking;

import se.portvakt.ids.InviteeId;

/**
 * Where one invitation went, and nothing else of the invitee: read only to match what a guest types and to send a
 * one-time code there. Neither field is encrypted, so reading it decrypts nothing.
 *
 * @param email may be null when the invitee is reached by SMS only
 * @param mobile E.164 (+46701234567), may be null when reached by e-mail only
 */
public record InviteeContact(InviteeId inviteeId, String email, String mobile) {}
