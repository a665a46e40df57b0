package se.portvakt.identity.freja.simulator;

/**
 * Ways the simulator can lie on purpose (test endpoint only), so tests prove the client refuses each one.
 * The phone page never uses them.
 */
public enum FrejaSimulatorForgery {
    /** An honest, correctly signed result. */
    NONE,
    /** The payload names another person after signing; the signature no longer matches. */
    TAMPERED_PAYLOAD,
    /** One bit of the signature flipped. */
    TAMPERED_SIGNATURE,
    /** Signed by a key other than the simulator's, with the simulator's x5t. */
    OTHER_KEY,
    /** Signed by the simulator's key, but the x5t names another certificate. */
    WRONG_X5T,
    /** Approves an SSN-bound transaction as someone else, as a misbehaving service might. */
    IGNORE_BINDING
}
