package se.portvakt.lobby;

/** A waiting-room command that cannot be done; {@code code} is the protocol's error code (docs/protocol.md). */
public final class LobbyRefusal extends RuntimeException {

    private final String code;

    public LobbyRefusal(String code) {
        super(code, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
