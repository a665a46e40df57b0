package se.portvakt.config;

import java.util.List;
import java.util.Locale;

/** The languages Portvakt speaks, Swedish first. */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("sv", "en", "fi");

    private Languages() {}

    public static boolean isSupported(String tag) {
        return tag != null && SUPPORTED.contains(tag);
    }

    /**
     * The language of a first visit: the browser's most preferred one of ours ({@code Accept-Language},
     * "fi-FI,fi;q=0.9,en;q=0.8" is Finnish), Swedish when it names none of them or nothing readable.
     */
    public static Locale fromAcceptLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return locale("sv");
        }
        try {
            return locale(Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED));
        } catch (IllegalArgumentException unreadable) {
            return locale("sv");
        }
    }

    public static Locale locale(String tag) {
        return Locale.forLanguageTag(isSupported(tag) ? tag : "sv");
    }
}
