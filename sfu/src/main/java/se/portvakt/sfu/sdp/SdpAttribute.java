package se.portvakt.sfu.sdp;

/** One {@code a=name[:value]} line; {@code value} is empty for property attributes such as rtcp-mux. */
public record SdpAttribute(String name, String value) {

    public static SdpAttribute of(String name) {
        return new SdpAttribute(name, "");
    }

    static SdpAttribute parse(String text) {
        int colon = text.indexOf(':');
        return colon < 0
                ? new SdpAttribute(text, "")
                : new SdpAttribute(text.substring(0, colon), text.substring(colon + 1));
    }

    String line() {
        return value.isEmpty() ? "a=" + name : "a=" + name + ":" + value;
    }
}
