package se.portvakt.config;

import org.springframework.core.env.Environment;

/**
 * Embedded (H2, dev mailbox, demo data, simulators) or production (PostgreSQL and real services).
 * Derived from the database in use so that a production database can never run with dev services.
 */
public enum DeploymentMode {
    EMBEDDED,
    PRODUCTION;

    static final String DATASOURCE_URL = "spring.datasource.url";

    public static DeploymentMode of(Environment environment) {
        String url = environment.getProperty(DATASOURCE_URL, "");
        return url.isBlank() || url.startsWith("jdbc:h2:") ? EMBEDDED : PRODUCTION;
    }

    public boolean embedded() {
        return this == EMBEDDED;
    }

    /**
     * Whether e-mail really goes out: a mail sender exists, and CourierConfig uses it, exactly when
     * spring.mail.host is set, in either mode. The embedded banner says so rather than "no e-mail is sent".
     */
    public static boolean sendsMail(Environment environment) {
        String host = environment.getProperty("spring.mail.host");
        return host != null && !host.isBlank();
    }
}
