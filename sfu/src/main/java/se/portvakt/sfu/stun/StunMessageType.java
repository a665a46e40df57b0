package se.portvakt.sfu.stun;

/**
 * The 14-bit message type: method bits interleaved with the two class bits C1 (0x0100)
 * and C0 (0x0010), RFC 8489 section 5.
 */
public final class StunMessageType {
    public static final int BINDING = 0x001;

    public static final int CLASS_REQUEST = 0b00;
    public static final int CLASS_INDICATION = 0b01;
    public static final int CLASS_SUCCESS = 0b10;
    public static final int CLASS_ERROR = 0b11;

    public static final int BINDING_REQUEST = of(BINDING, CLASS_REQUEST);
    public static final int BINDING_SUCCESS = of(BINDING, CLASS_SUCCESS);
    public static final int BINDING_ERROR = of(BINDING, CLASS_ERROR);

    private StunMessageType() {}

    /** Combines a 12-bit method and a 2-bit class into the wire type. */
    public static int of(int method, int messageClass) {
        return (method & 0x000F)
                | ((method & 0x0070) << 1)
                | ((method & 0x0F80) << 2)
                | ((messageClass & 0b01) << 4)
                | ((messageClass & 0b10) << 7);
    }

    public static int method(int type) {
        return (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
    }

    public static int messageClass(int type) {
        return ((type >> 4) & 0b01) | ((type >> 7) & 0b10);
    }
}
