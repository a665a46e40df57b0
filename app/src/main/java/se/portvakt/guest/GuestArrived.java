package se.portvakt.guest;

import se.portvakt.guest.GuestArrivals.Arrival;

/**
 * A guest said they are here (again): published inside the arrival's transaction, for the waiting room.
 *
 * @param inviteeName the name the host typed when booking (nobody vouched for it)
 */
public record GuestArrived(Arrival arrival, String inviteeName) {}
