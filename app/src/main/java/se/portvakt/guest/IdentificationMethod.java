package se.portvakt.guest;

/** How a guest proved who they are. */
public enum IdentificationMethod {
    /** The personal link alone (assurance level NONE). */
    LINK,
    /** A one-time code sent by e-mail to the address the invitation went to. */
    EMAIL_CODE,
    /** A one-time code sent by SMS to the number the invitation went to. */
    SMS_CODE,
    BANKID,
    FREJA
}
