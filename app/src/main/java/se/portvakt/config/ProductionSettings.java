package se.portvakt.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * What production cannot run without, read straight from the environment so that it is checked before any bean,
 * the database or a migration is touched. The embedded default (H2) needs none of it.
 */
final class ProductionSettings {

    static final String PUBLIC_URL = "portvakt.public-url";
    static final String SECRET_KEY = "portvakt.secret-key";
    static final String MAIL_HOST = "spring.mail.host";
    static final String MEDIA_ADVERTISED = "portvakt.media.advertised-address";
    static final String MEDIA_BIND = "portvakt.media.bind-address";
    static final String MEDIA_NODES = "portvakt.media.nodes";
    static final String MEDIA_NODE_SECRET = "portvakt.media.node-secret";
    static final String CLUSTER = "portvakt.cluster.enabled";
    static final String REDIS_HOST = "spring.data.redis.host";
    static final String REDIS_URL = "spring.data.redis.url";

    private ProductionSettings() {}

    /** Every problem at once, so an operator fixes them in one round; empty when production may start. */
    static List<SettingProblem> problems(Environment environment) {
        List<SettingProblem> problems = new ArrayList<>();
        if (DeploymentMode.of(environment).embedded()) {
            return problems;
        }
        checkPublicUrl(environment.getProperty(PUBLIC_URL, ""), problems);
        checkSecretKey(environment.getProperty(SECRET_KEY, ""), problems);
        if (environment.getProperty(MAIL_HOST, "").isBlank()) {
            problems.add(new SettingProblem(
                    MAIL_HOST,
                    "is not set; production sends invitations by e-mail",
                    "the SMTP server's host name (and spring.mail.port, .username, .password as it wants)"));
        }
        boolean nodesListed = !environment.getProperty(MEDIA_NODES, "").isBlank();
        boolean nodeSecret = !environment.getProperty(MEDIA_NODE_SECRET, "").isBlank();
        if (!nodesListed && !nodeSecret) {
            // with SFU nodes (listed, or registering with the secret) no media reaches this process: the nodes have
            // addresses of their own
            checkMedia(
                    environment.getProperty(MEDIA_ADVERTISED, ""),
                    environment.getProperty(MEDIA_BIND, "127.0.0.1"),
                    problems);
        } else if (!nodeSecret) {
            problems.add(new SettingProblem(
                    MEDIA_NODE_SECRET,
                    "is not set, but portvakt.media.nodes is",
                    "the secret the SFU nodes were started with (their portvakt.sfu.secret), at least 16 characters"));
        }
        checkCluster(environment, problems);
        return problems;
    }

    /**
     * Every node of a cluster must reach the same Redis: left to Spring Boot's default, each would talk to a Redis of
     * its own host, and a host on one node would never hear a guest on another.
     */
    private static void checkCluster(Environment environment, List<SettingProblem> problems) {
        if (environment.getProperty(CLUSTER, Boolean.class, false)
                && environment.getProperty(REDIS_HOST, "").isBlank()
                && environment.getProperty(REDIS_URL, "").isBlank()) {
            problems.add(new SettingProblem(
                    REDIS_HOST,
                    "is not set, so with portvakt.cluster.enabled each node would use a Redis at localhost:6379",
                    "the host of the Redis every app node shares (or spring.data.redis.url)"));
        }
    }

    private static void checkPublicUrl(String value, List<SettingProblem> problems) {
        String wanted = "the address guests reach Portvakt at, e.g. https://meet.example.org; invitation links start "
                + "with it";
        if (value.isBlank()) {
            problems.add(new SettingProblem(
                    PUBLIC_URL,
                    "is not set, so every invitation link would point at " + "http://localhost:8080",
                    wanted));
            return;
        }
        try {
            URI uri = new URI(value);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add(new SettingProblem(PUBLIC_URL, "is '" + value + "', not an http(s) address", wanted));
            }
        } catch (java.net.URISyntaxException e) {
            problems.add(new SettingProblem(PUBLIC_URL, "is '" + value + "', not an address", wanted));
        }
    }

    private static void checkSecretKey(String value, List<SettingProblem> problems) {
        String wanted = "base64 of 32 random bytes, from `openssl rand -base64 32`; back it up with the database: "
                + "it encrypts identity numbers and signs invitation links";
        if (value.isBlank()) {
            problems.add(new SettingProblem(SECRET_KEY, "is not set", wanted));
            return;
        }
        try {
            int length = Base64.getDecoder().decode(value.trim()).length;
            if (length != 32) {
                problems.add(new SettingProblem(SECRET_KEY, "is " + length + " bytes, not 32", wanted));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new SettingProblem(SECRET_KEY, "is not valid base64", wanted));
        }
    }

    private static void checkMedia(String advertised, String bind, List<SettingProblem> problems) {
        String wanted = "the IP address browsers send media to (the public or NAT address of this host), with "
                + "portvakt.media.bind-address=0.0.0.0 or this host's own address";
        if (advertised.isBlank()) {
            problems.add(new SettingProblem(
                    MEDIA_ADVERTISED,
                    "is not set, so browsers would be told to send " + "audio and video to " + bind,
                    wanted));
            return;
        }
        if (loopback(bind) && !loopback(advertised)) {
            problems.add(new SettingProblem(
                    MEDIA_BIND,
                    "is " + bind + ", which takes no media from " + advertised + " or any other machine",
                    "0.0.0.0 or this host's own address"));
        }
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** One setting that is missing or wrong: its name, what is wrong, what it should be. */
    record SettingProblem(String property, String problem, String wanted) {}
}
