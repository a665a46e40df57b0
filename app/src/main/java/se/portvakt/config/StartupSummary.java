package se.portvakt.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One log entry at start-up saying where this node actually listens and what it talks to, so an operator sees a
 * wrong address in the first screen of the log. Never a password, key or token.
 */
@Component
class StartupSummary {

    /**
     * "10000-10001" for two loops from 10000; a port 0 (any free one) stays "0". A value that is no number is shown as
     * it is: the summary only reports, and the media settings' own binding names the bad value.
     */
    private static String ports(String first, String loops) {
        try {
            int port = Integer.parseInt(first);
            int count = Integer.parseInt(loops);
            return port <= 0 || count <= 1 ? first : port + "-" + (port + count - 1);
        } catch (NumberFormatException e) {
            return first;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);
    /** user, password and any other secret-looking query parameter of a JDBC URL */
    private static final Pattern JDBC_CREDENTIALS =
            Pattern.compile("(?i)([?&;](user|password|sslpassword|sslkey)=)[^&;]*");

    private final Environment environment;

    StartupSummary(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logSummary() {
        log.info("Portvakt is ready:\n{}", String.join("\n", lines()));
    }

    List<String> lines() {
        DeploymentMode mode = DeploymentMode.of(environment);
        String serverPort = property("local.server.port", property("server.port", "8080"));
        String managementPort = property("local.management.port", property("management.server.port", serverPort));
        String advertised = property("portvakt.media.advertised-address", "");
        String bind = property("portvakt.media.bind-address", "127.0.0.1");
        List<String> lines = new ArrayList<>();
        lines.add("  mode:        " + mode.name().toLowerCase());
        lines.add("  public URL:  " + publicUrl(serverPort));
        lines.add("  HTTP:        port " + serverPort + ", management (health, metrics) on "
                + property("management.server.address", "all addresses") + " port " + managementPort);
        String nodes = property("portvakt.media.nodes", "");
        if (!nodes.isBlank() || !property("portvakt.media.node-secret", "").isBlank()) {
            lines.add("  media:       SFU nodes " + (nodes.isBlank() ? "" : nodes + " and ")
                    + "those registering with their heartbeat (docs/sfu-control.md)");
        } else {
            String udpPort = property("portvakt.media.udp-port", "10000");
            String tcpPort = property("portvakt.media.tcp-port", udpPort);
            String loops = property(
                    "portvakt.media.loops", String.valueOf(Runtime.getRuntime().availableProcessors()));
            lines.add("  media (UDP): bound to " + bind + ":" + ports(udpPort, loops) + ", advertised to browsers as "
                    + (advertised.isBlank() ? bind : advertised) + " (" + loops + " packet loops, a port each)");
            lines.add("  media (TCP): "
                    + (tcpPort.startsWith("-")
                            ? "off (no ICE-TCP)"
                            : "bound to " + bind + ":" + ports(tcpPort, loops) + " for browsers without UDP"));
        }
        lines.add("  database:    " + database(property("spring.datasource.url", "")));
        lines.add("  nodes:       " + cluster());
        lines.add("  mail:        " + mail());
        lines.add("  SMS:         "
                + (environment.containsProperty("portvakt.invitation.sms.gateway-url")
                        ? "gateway " + hostOf(property("portvakt.invitation.sms.gateway-url", ""))
                        : mode.embedded() ? "developer mailbox" : "none (e-mail only)"));
        lines.add("  e-ID:        BankID " + eid("portvakt.identity.bankid.base-url", mode) + ", Freja eID "
                + eid("portvakt.identity.freja.base-url", mode));
        return lines;
    }

    /**
     * The address invitation links start with. Unset, it is the default's port 8080 whatever port this node
     * listens on, so the summary says so rather than print an address nobody answers at.
     */
    private String publicUrl(String serverPort) {
        String url = property("portvakt.public-url", "");
        if (!url.isBlank()) {
            return url;
        }
        String fallback = "http://localhost:8080";
        return serverPort.equals("8080")
                ? fallback + " (the default)"
                : fallback + " (the default, but this node listens on port " + serverPort
                        + ": set portvakt.public-url, invitation links start with it)";
    }

    /** One node, or the Redis that every node of a cluster shares (docs/architecture.md, "Several nodes"). */
    private String cluster() {
        if (!Boolean.parseBoolean(property("portvakt.cluster.enabled", "false"))) {
            return "one (signaling, chat and hands in this process)";
        }
        String url = property("spring.data.redis.url", "");
        String redis = url.isBlank()
                ? property("spring.data.redis.host", "localhost (the default)") + ":"
                        + property("spring.data.redis.port", "6379")
                : hostOf(url);
        return "a cluster, through Redis at " + redis;
    }

    static String database(String url) {
        return JDBC_CREDENTIALS.matcher(url).replaceAll("$1***");
    }

    private String mail() {
        String host = property("spring.mail.host", "");
        if (host.isBlank()) {
            return "developer mailbox at /dev/mailbox (no e-mail leaves)";
        }
        boolean startTls = Boolean.parseBoolean(property("spring.mail.properties.mail.smtp.starttls.enable", "false"));
        return "SMTP " + host + ":" + property("spring.mail.port", "25") + (startTls ? " with STARTTLS" : "")
                + ", from " + property("portvakt.invitation.from", "Portvakt <no-reply@portvakt.localhost>");
    }

    private String eid(String baseUrlProperty, DeploymentMode mode) {
        String url = property(baseUrlProperty, "");
        if (!url.isBlank()) {
            return "at " + hostOf(url);
        }
        boolean simulators =
                Boolean.parseBoolean(property("portvakt.identity.simulators", String.valueOf(mode.embedded())));
        return simulators ? "SIMULATOR" : "off";
    }

    private static String hostOf(String url) {
        try {
            return java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "(unreadable address)";
        }
    }

    private String property(String name, String fallback) {
        String value = environment.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
