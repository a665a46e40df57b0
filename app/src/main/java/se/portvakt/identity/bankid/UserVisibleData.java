package se.portvakt.identity.bankid;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The text the BankID app shows ("Logga in till möte hos Demo kommun"): sent base64-encoded in the
 * simpleMarkdownV1 format, with the format's special characters escaped so that an organisation's name is
 * shown as written and cannot add headings or emphasis.
 */
public final class UserVisibleData {

    public static final String FORMAT = "simpleMarkdownV1";
    /** BankID takes at most 1,500 characters of base64: 1,125 bytes of UTF-8. */
    static final int MAX_BYTES = 1125;

    private static final String SPECIAL = "\\*+#|`";

    private UserVisibleData() {}

    /** The base64 of the escaped text, cut to fit BankID's limit; null for no text. */
    static String encode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Base64.getEncoder().encodeToString(fit(escape(text.strip())).getBytes(StandardCharsets.UTF_8));
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Cuts whole code points (and never in the middle of an escape) until the UTF-8 fits. */
    static String fit(String text) {
        String fitted = text;
        if (fitted.length() > MAX_BYTES) { // every char is at least one byte: cut the bulk at once
            int end = Character.isHighSurrogate(fitted.charAt(MAX_BYTES - 1)) ? MAX_BYTES - 1 : MAX_BYTES;
            fitted = fitted.substring(0, end);
        }
        while (fitted.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            fitted = fitted.substring(0, fitted.offsetByCodePoints(fitted.length(), -1));
        }
        int backslashes = 0;
        for (int i = fitted.length() - 1; i >= 0 && fitted.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1 ? fitted.substring(0, fitted.length() - 1) : fitted;
    }

    /** The text again, unescaped: what the (simulated) app shows. */
    public static String decode(String base64) {
        if (base64 == null) {
            return null;
        }
        String text = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && SPECIAL.indexOf(text.charAt(i + 1)) >= 0) {
                c = text.charAt(++i);
            }
            plain.append(c);
        }
        return plain.toString();
    }
}
