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

    public static Locale locale(String tag) {
        return Locale.forLanguageTag(isSupported(tag) ? tag : "sv");
    }
}
