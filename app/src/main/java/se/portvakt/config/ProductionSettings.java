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
        if (environment.getProperty(MEDIA_NODES, "").isBlank()) {
            // with SFU nodes no media reaches this process: the nodes have addresses of their own
            checkMedia(
                    environment.getProperty(MEDIA_ADVERTISED, ""),
                    environment.getProperty(MEDIA_BIND, "127.0.0.1"),
                    problems);
        }
        return problems;
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
