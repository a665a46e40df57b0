package se.portvakt.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first organisation and its administrator, made at start-up when the database has none.
 * This is how a production installation gets its first login; unset, nothing is made.
 *
 * @param organisation the organisation's name
 * @param adminEmail the first administrator's e-mail (login)
 * @param adminName the first administrator's name
 * @param adminPassword the first administrator's password, at least 12 characters; change it after
 * @param timeZone the organisation's time zone
 */
@ConfigurationProperties("portvakt.bootstrap")
record BootstrapProperties(
        String organisation,
        String adminEmail,
        @DefaultValue("Administratör") String adminName,
        String adminPassword,
        @DefaultValue("Europe/Stockholm") String timeZone) {

    boolean requested() {
        return organisation != null && !organisation.isBlank();
    }
}
