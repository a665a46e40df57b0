package se.portvakt.sfu.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * A certificate fingerprint as in SDP {@code a=fingerprint} (RFC 8122 section 5): a hash function name
 * and the digest of the DER certificate, written {@code sha-256 AB:CD:...}.
 */
public record Fingerprint(String algorithm, byte[] digest) {

    /** SDP hash names we accept, to their JCA digest names and digest lengths in bytes. */
    private static final Map<String, String> JCA_NAMES =
            Map.of("sha-1", "SHA-1", "sha-256", "SHA-256", "sha-384", "SHA-384", "sha-512", "SHA-512");

    private static final Map<String, Integer> LENGTHS =
            Map.of("sha-1", 20, "sha-256", 32, "sha-384", 48, "sha-512", 64);

    public Fingerprint {
        algorithm = algorithm.toLowerCase(Locale.ROOT);
        Integer length = LENGTHS.get(algorithm);
        if (length == null) {
            throw new IllegalArgumentException("unsupported fingerprint hash: " + algorithm);
        }
        if (digest.length != length) {
            throw new IllegalArgumentException(algorithm + " digest must be " + length + " bytes");
        }
        digest = digest.clone();
    }

    /** The SHA-256 fingerprint of a DER-encoded certificate. */
    public static Fingerprint sha256(byte[] derCertificate) {
        return of("sha-256", derCertificate);
    }

    /** The fingerprint of a DER-encoded certificate with the named SDP hash ({@code sha-256} etc.). */
    public static Fingerprint of(String algorithm, byte[] derCertificate) {
        String jca = JCA_NAMES.get(algorithm.toLowerCase(Locale.ROOT));
        if (jca == null) {
            throw new IllegalArgumentException("unsupported fingerprint hash: " + algorithm);
        }
        try {
            return new Fingerprint(algorithm, MessageDigest.getInstance(jca).digest(derCertificate));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jca + " missing from the JDK", e);
        }
    }

    /**
     * Parses the value of an {@code a=fingerprint} attribute, e.g. {@code sha-256 AB:CD:...}; the
     * hash name and hex digits are case-insensitive, surrounding whitespace is ignored.
     */
    public static Fingerprint parse(String sdpValue) {
        String[] parts = sdpValue.strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("fingerprint must be '<hash> <hex:hex:...>'");
        }
        return parse(parts[0], parts[1]);
    }

    /** Parses a hash name and a colon-separated hex digest, as an SDP parser holds them apart. */
    public static Fingerprint parse(String algorithm, String colonHex) {
        String[] octets = colonHex.strip().split(":", -1);
        byte[] digest = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            if (octets[i].length() != 2) {
                throw new IllegalArgumentException("fingerprint octet " + i + " is not two hex digits");
            }
            try {
                digest[i] = (byte) HexFormat.fromHexDigits(octets[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fingerprint octet " + i + " is not two hex digits", e);
            }
        }
        return new Fingerprint(algorithm.strip(), digest);
    }

    /** Whether this fingerprint is the one of the given DER certificate; constant time in the digest. */
    public boolean matches(byte[] derCertificate) {
        return MessageDigest.isEqual(digest, of(algorithm, derCertificate).digest);
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    /** The attribute value: {@code sha-256 AB:CD:...} with upper-case hex (RFC 8122 section 5). */
    public String toSdp() {
        return algorithm + " " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && algorithm.equals(f.algorithm) && Arrays.equals(digest, f.digest);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return toSdp();
    }
}
