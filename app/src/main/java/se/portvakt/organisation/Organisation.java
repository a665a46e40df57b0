package se.portvakt.organisation;

import java.time.Duration;
import java.time.ZoneId;
import se.portvakt.ids.OrganisationId;

/**
 * A customer of Portvakt: a municipality, a region, a clinic, a bank.
 *
 * @param joinOpensBefore how long before a meeting's start its guests may join
 */
public record Organisation(
        OrganisationId id, String name, ZoneId zone, String defaultLanguage, Duration joinOpensBefore) {

    /** Joining opens this long before the start unless the organisation says otherwise. */
    public static final Duration DEFAULT_JOIN_OPENS_BEFORE = Duration.ofMinutes(15);

    /** The longest an organisation may open joining before the start. */
    public static final Duration MAX_JOIN_OPENS_BEFORE = Duration.ofHours(2);
}
