package se.portvakt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.ZoneId;
import java.util.Map;
import se.portvakt.organisation.Organisation;
import se.portvakt.organisation.Organisations;
import testidp.TestOidcProvider;

/**
 * The two organisations with identity providers of their own that the integration tests sign in through: each
 * a real OpenID Connect provider (testidp.TestOidcProvider), started once, on a port chosen before the
 * application starts so that its settings can name the issuer. Staff of A have addresses at {@link #DOMAIN_A}.
 */
public final class TestIdentityProviders {

    public static final String A = "kommun-a";
    public static final String B = "kommun-b";
    public static final String ORGANISATION_A = "OIDC-kommunen A";
    public static final String ORGANISATION_B = "OIDC-kommunen B";
    public static final String DOMAIN_A = "a.oidc.example";
    public static final String DOMAIN_B = "b.oidc.example";
    public static final String HOSTS_GROUP = "portvakt-hosts";
    public static final String ADMINS_GROUP = "portvakt-admins";
    static final String SECRET = "test-client-secret";

    private static final int PORT_A = freePort();
    private static final int PORT_B = freePort();
    private static TestOidcProvider providerA;
    private static TestOidcProvider providerB;

    private TestIdentityProviders() {}

    /** Portvakt's settings for both providers. */
    static void addSettings(Map<String, Object> properties) {
        provider(properties, A, ORGANISATION_A, PORT_A, DOMAIN_A);
        provider(properties, B, ORGANISATION_B, PORT_B, DOMAIN_B);
    }

    private static void provider(
            Map<String, Object> properties, String key, String organisation, int port, String domain) {
        String prefix = "portvakt.oidc.providers." + key + ".";
        properties.put(prefix + "organisation", organisation);
        properties.put(prefix + "display-name", organisation + " (test)");
        properties.put(prefix + "issuer", "http://127.0.0.1:" + port);
        properties.put(prefix + "client-id", "portvakt-" + key);
        properties.put(prefix + "client-secret", SECRET);
        properties.put(prefix + "email-domains", domain);
        properties.put(prefix + "allowed-group", HOSTS_GROUP);
        properties.put(prefix + "admin-group", ADMINS_GROUP);
        properties.put(prefix + "create-hosts", "true");
    }

    /** Provider A, started on first use; {@code appPort} is where Portvakt runs (its redirect address). */
    public static synchronized TestOidcProvider a(int appPort, Organisations organisations) {
        organisation(organisations, ORGANISATION_A);
        if (providerA == null) {
            providerA = TestOidcProvider.start(
                    PORT_A, "portvakt-" + A, SECRET, "http://localhost:" + appPort + "/login/oauth2/code/" + A);
        }
        return providerA;
    }

    public static synchronized TestOidcProvider b(int appPort, Organisations organisations) {
        organisation(organisations, ORGANISATION_B);
        if (providerB == null) {
            providerB = TestOidcProvider.start(
                    PORT_B, "portvakt-" + B, SECRET, "http://localhost:" + appPort + "/login/oauth2/code/" + B);
        }
        return providerB;
    }

    public static Organisation organisation(Organisations organisations, String name) {
        return organisations
                .byName(name)
                .orElseGet(() -> organisations.create(name, ZoneId.of("Europe/Stockholm"), "sv"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
