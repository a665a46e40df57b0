package se.portvakt.sfu.sdp;

import java.util.Locale;

/** Media direction attributes (RFC 8866 section 6.7), from the describing side's point of view. */
public enum Direction {
    SENDRECV,
    SENDONLY,
    RECVONLY,
    INACTIVE;

    public String attributeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The direction an answerer uses to accept this offered direction (RFC 3264 section 6.1). */
    public Direction reversed() {
        switch (this) {
            case SENDONLY:
                return RECVONLY;
            case RECVONLY:
                return SENDONLY;
            default:
                return this;
        }
    }

    static Direction fromAttribute(String name) {
        for (Direction d : values()) {
            if (d.attributeName().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
