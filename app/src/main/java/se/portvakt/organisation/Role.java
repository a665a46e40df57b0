package se.portvakt.organisation;

/** What a staff user may do. A person can hold both. */
public enum Role {
    /** Adds hosts, rooms and API keys for the organisation. */
    ADMIN,
    /** Books meetings and admits guests. */
    HOST
}
