package se.portvakt.identity;

/** The Swedish e-legitimations Portvakt accepts at LOA3. */
public enum EidMethod {
    BANKID,
    FREJA
}
