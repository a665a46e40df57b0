package se.portvakt.booking.api;

import java.util.List;
import java.util.Locale;
import se.portvakt.config.Languages;

/**
 * The language of the API's messages, from the request's {@code Accept-Language}: the best of Swedish,
 * English and Finnish, Swedish when none of them is asked for. The portal's cookie has no say here.
 */
final class ApiLanguage {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final List<Locale> SUPPORTED =
            Languages.SUPPORTED.stream().map(Locale::forLanguageTag).toList();

    private ApiLanguage() {}

    static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return SWEDISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return best == null ? SWEDISH : best;
        } catch (IllegalArgumentException malformed) {
            return SWEDISH;
        }
    }
}
