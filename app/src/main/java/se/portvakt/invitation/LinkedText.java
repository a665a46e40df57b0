package se.portvakt.invitation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text cut into pieces, each either text or a web link, so a template can show the links as
 * links while every piece still goes through th:text (escaped).
 */
record LinkedText(List<Piece> pieces) {

    /** @param href the link target, or null for plain text */
    record Piece(String text, String href) {}

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    static LinkedText of(String text) {
        List<Piece> pieces = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        int from = 0;
        while (matcher.find()) {
            if (matcher.start() > from) {
                pieces.add(new Piece(text.substring(from, matcher.start()), null));
            }
            pieces.add(new Piece(matcher.group(), matcher.group()));
            from = matcher.end();
        }
        if (from < text.length()) {
            pieces.add(new Piece(text.substring(from), null));
        }
        return new LinkedText(List.copyOf(pieces));
    }
}
