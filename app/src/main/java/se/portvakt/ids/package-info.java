/**
 * The ids that cross features' doors, one record per kind of thing: a method that takes a {@link MeetingId} and an
 * {@link OrganisationId} cannot be called with the two swapped, as one that takes two {@code UUID}s can. A shared
 * kernel of its own, since the features that own the things depend on each other's doors one way only (booking on
 * audit, audit on neither): it depends on nothing and every feature may use it. Inside a feature, and in its rows
 * and JSON, the plain {@code UUID} ({@code value()}) stays; each id prints and serialises as its UUID.
 * They are {@code Serializable}, since records kept in the HTTP session (a guest's proof, a staff member) hold them.
 */
package se.portvakt.ids;
