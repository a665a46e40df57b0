package se.portvakt.sfu.node;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * An SFU node's configuration, each setting read from a system property {@code portvakt.sfu.<name>} or else the
 * environment variable {@code PORTVAKT_SFU_<NAME>} (upper case, {@code -} as {@code _}): docs/sfu-control.md.
 *
 * @param bindAddress       where the media sockets listen ({@code bind-address}, default 127.0.0.1)
 * @param udpPort           the UDP port of every meeting's media ({@code udp-port}, default 10000; 0: any free one)
 * @param tcpPort           the ICE-TCP port ({@code tcp-port}; default the UDP port's number, -1: no ICE-TCP)
 * @param advertisedAddress the host browsers are told to send media to ({@code advertised-address}; default the bind
 *                          address)
 * @param control           where the control API listens ({@code control-address}, default 127.0.0.1, and {@code
 *                          control-port}, default 8444; 0: any free one)
 * @param secret            the bearer secret the app and this node share ({@code secret}); required
 * @param eventsUrl         where the SFU's events and heartbeats are POSTed ({@code events-url}, the app's {@code
 *                          /internal/sfu/events} behind its load balancer); required
 * @param controlUrl        the control URL the app is told in each heartbeat ({@code control-url}); null: {@code
 *                          http://} the control address and port. Required when the control address is a wildcard
 * @param transportCc       answer transport-wide congestion control to publishers instead of REMB ({@code
 *                          transport-cc}, default true: docs/sfu.md)
 * @param loops             packet loops ({@code loops}, default one per core): loop i receives on the UDP and TCP
 *                          ports i past the ones above (docs/sfu.md, "Threads")
 */
record NodeSettings(
        String bindAddress,
        int udpPort,
        int tcpPort,
        String advertisedAddress,
        InetSocketAddress control,
        BearerSecret secret,
        URI eventsUrl,
        URI controlUrl,
        boolean transportCc,
        int loops) {

    /**
     * @param lookup a setting's value by its system property name, or null
     * @throws IllegalArgumentException naming the setting that is missing or wrong
     */
    static NodeSettings from(UnaryOperator<String> lookup) {
        String bind = value(lookup, "bind-address", "127.0.0.1");
        int udp = port(lookup, "udp-port", "10000");
        int tcp = port(lookup, "tcp-port", String.valueOf(udp));
        String advertised = value(lookup, "advertised-address", null);
        if (advertised == null && (bind.equals("0.0.0.0") || bind.equals("::"))) {
            throw new IllegalArgumentException("portvakt.sfu.bind-address is " + bind + ", so set"
                    + " portvakt.sfu.advertised-address (or PORTVAKT_SFU_ADVERTISED_ADDRESS) to the address browsers"
                    + " send media to: they cannot be told to send it to " + bind);
        }
        InetSocketAddress control = new InetSocketAddress(
                value(lookup, "control-address", "127.0.0.1"), port(lookup, "control-port", "8444"));
        String secret = value(lookup, "secret", null);
        if (secret == null || secret.length() < BearerSecret.MIN_LENGTH) {
            throw new IllegalArgumentException("set portvakt.sfu.secret (or PORTVAKT_SFU_SECRET) to the secret shared"
                    + " with the app (portvakt.media.node-secret), at least " + BearerSecret.MIN_LENGTH
                    + " characters; the control API refuses to run without one");
        }
        String events = value(lookup, "events-url", null);
        if (events == null) {
            throw new IllegalArgumentException("set portvakt.sfu.events-url (or PORTVAKT_SFU_EVENTS_URL) to the app's"
                    + " events endpoint, e.g. https://portvakt.example/internal/sfu/events");
        }
        String controlUrl = value(lookup, "control-url", null);
        if (controlUrl == null && control.getAddress().isAnyLocalAddress()) {
            throw new IllegalArgumentException("portvakt.sfu.control-address is a wildcard, so set"
                    + " portvakt.sfu.control-url (or PORTVAKT_SFU_CONTROL_URL) to the URL the app calls this node at");
        }
        String transportCc = value(lookup, "transport-cc", "true");
        if (!transportCc.equals("true") && !transportCc.equals("false")) {
            throw new IllegalArgumentException(
                    "portvakt.sfu.transport-cc (or PORTVAKT_SFU_TRANSPORT_CC) is true or false, not " + transportCc);
        }
        return new NodeSettings(
                bind,
                udp,
                tcp,
                advertised,
                control,
                new BearerSecret(secret),
                URI.create(events),
                controlUrl == null ? null : URI.create(controlUrl),
                Boolean.parseBoolean(transportCc),
                loops(lookup));
    }

    private static int loops(UnaryOperator<String> lookup) {
        String value = value(lookup, "loops", String.valueOf(se.portvakt.sfu.SfuSettings.defaultLoops()));
        try {
            int loops = Integer.parseInt(value);
            if (loops < 1 || loops > 256) {
                throw new NumberFormatException();
            }
            return loops;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "portvakt.sfu.loops (or PORTVAKT_SFU_LOOPS) is a number of packet loops from 1 to 256, not "
                            + value);
        }
    }

    /** System properties first, then the environment. */
    static NodeSettings fromSystem() {
        return from(name -> {
            String property = System.getProperty(name);
            return property != null
                    ? property
                    : System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        });
    }

    private static String value(UnaryOperator<String> lookup, String name, String fallback) {
        String value = lookup.apply("portvakt.sfu." + name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int port(UnaryOperator<String> lookup, String name, String fallback) {
        String value = value(lookup, name, fallback);
        try {
            int port = Integer.parseInt(value);
            if (port < -1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("portvakt.sfu." + name + " is no port: " + value);
        }
    }
}
