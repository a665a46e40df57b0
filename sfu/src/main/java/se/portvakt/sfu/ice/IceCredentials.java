package se.portvakt.sfu.ice;

import java.security.SecureRandom;

/**
 * One side's ICE username fragment and password (RFC 8839 section 5.4: ufrag at least
 * 4 and pwd at least 22 ice-chars).
 */
public record IceCredentials(String ufrag, String pwd) {
    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final SecureRandom RANDOM = new SecureRandom();

    public IceCredentials {
        if (ufrag == null || ufrag.length() < 4 || ufrag.indexOf(':') >= 0) {
            throw new IllegalArgumentException("ice-ufrag must be at least 4 ice-chars");
        }
        if (pwd == null || pwd.length() < 22) {
            throw new IllegalArgumentException("ice-pwd must be at least 22 ice-chars");
        }
    }

    /** Fresh random credentials: 8-char ufrag (48 bits), 24-char pwd (144 bits). */
    public static IceCredentials random() {
        return new IceCredentials(randomChars(8), randomChars(24));
    }

    private static String randomChars(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ICE_CHARS.charAt(RANDOM.nextInt(ICE_CHARS.length())));
        }
        return sb.toString();
    }
}
