package se.portvakt.booking;

/** How strongly a guest must prove who they are before they see or join the meeting. */
public enum AssuranceLevel {
    /** The personal link alone is enough. */
    NONE,
    /** A one-time code sent to the e-mail address or mobile number the invitation went to. */
    LOA2,
    /** Swedish e-legitimation: BankID or Freja eID Plus. */
    LOA3
}
