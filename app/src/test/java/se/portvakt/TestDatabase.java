package se.portvakt;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the integration tests' database and mail server. PostgreSQL when the build names one in the
 * system property {@code spring.datasource.url}; otherwise a fresh in-memory H2 in PostgreSQL mode.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A fixed key for tests only: 32 bytes, base64. */
    public static final String TEST_SECRET_KEY = "dGVzdC1rZXktZm9yLXBvcnR2YWt0LW9ubHktMzJieXQ=";

    static boolean postgresql() {
        return System.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        if (postgresql()) {
            properties.put("spring.flyway.default-schema", System.getProperty("portvakt.it.schema", "portvakt_it"));
            properties.put("spring.flyway.clean-disabled", "false");
        } else {
            properties.put(
                    "spring.datasource.url",
                    "jdbc:h2:mem:portvakt;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        properties.put("portvakt.secret-key", TEST_SECRET_KEY);
        // the identity journeys run against the simulators on PostgreSQL too
        properties.put("portvakt.identity.simulators", "true");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", TestMailServer.smtpPort());
        properties.put("portvakt.invitation.poll-interval", "PT1H");
        // tests seal and purge when they choose to
        properties.put("portvakt.audit.seal-interval", "PT1H");
        properties.put("portvakt.audit.purge-interval", "PT1H");
        properties.put("portvakt.media.udp-port", "0");
        // two organisations sign in through identity providers of their own (started when a test needs them)
        TestIdentityProviders.addSettings(properties);
        // SITHS cards of a CA the tests make, on Portvakt's own HTTPS connector or from a trusted proxy's header
        TestSithsCards.addSettings(properties);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("integration-test", properties));
    }
}
