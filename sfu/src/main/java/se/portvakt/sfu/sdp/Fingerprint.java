package se.portvakt.sfu.sdp;

import java.util.Locale;

/** a=fingerprint (RFC 8122): hash function name and the colon-separated upper-case hex digest. */
public record Fingerprint(String algorithm, String value) {

    static Fingerprint parse(String attributeValue) {
        String[] parts = attributeValue.trim().split(" ", 2);
        if (parts.length != 2 || !parts[1].matches("([0-9A-Fa-f]{2}:)*[0-9A-Fa-f]{2}")) {
            throw new SdpParseException("bad a=fingerprint: " + attributeValue);
        }
        return new Fingerprint(parts[0].toLowerCase(Locale.ROOT), parts[1].toUpperCase(Locale.ROOT));
    }

    String attributeValue() {
        return algorithm + " " + value;
    }
}
