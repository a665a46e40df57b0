package se.portvakt.sfu.node;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import se.portvakt.sfu.Sfu;
import se.portvakt.sfu.SfuSettings;
import se.portvakt.sfu.SfuTotals;
import se.portvakt.sfu.Sfus;

/**
 * The SFU as a process of its own ("SFU node"): the production SFU, its control API for the app, and its events
 * sent back to the app with a heartbeat every second (docs/sfu-control.md). Started by {@link #main}, or by {@link #start} inside a test.
 */
public final class SfuNode implements AutoCloseable {

    /** How often the node tells the app it is alive; the app asks a node silent for 2 of them whether it lives. */
    public static final java.time.Duration HEARTBEAT = java.time.Duration.ofSeconds(1);

    private final Sfu sfu;
    private final EventSender events;
    private final ControlServer control;
    private final Heartbeat heartbeat;
    private final String address;

    private SfuNode(NodeSettings settings) {
        InetSocketAddress bind = new InetSocketAddress(settings.bindAddress(), settings.udpPort());
        InetSocketAddress advertised = settings.advertisedAddress() == null
                ? null
                : new InetSocketAddress(settings.advertisedAddress(), settings.udpPort());
        InetSocketAddress tcp =
                settings.tcpPort() < 0 ? null : new InetSocketAddress(settings.bindAddress(), settings.tcpPort());
        SfuSettings media = SfuSettings.of(bind, advertised, tcp).withLoops(settings.loops());
        this.sfu = Sfus.start(settings.transportCc() ? media.withTransportCc() : media, Clock.systemUTC());
        this.address = settings.advertisedAddress() != null
                ? settings.advertisedAddress()
                : sfu.localAddress().getAddress().getHostAddress();
        this.events = new EventSender(settings.eventsUrl(), settings.secret());
        // the listeners run on the SFU's packet thread: they only queue
        sfu.onDominantSpeakerChanged(events::offer);
        sfu.onRenegotiationNeeded(events::offer);
        sfu.onParticipantDisconnected(events::offer);
        sfu.onMediaPathChanged(events::offer);
        try {
            this.control =
                    ControlServer.start(settings.control(), settings.secret(), new ControlRoutes(sfu, this::status));
        } catch (RuntimeException e) {
            close(sfu, events);
            throw e;
        }
        URI controlUrl = settings.controlUrl() != null ? settings.controlUrl() : controlUrl(control.address());
        this.heartbeat = new Heartbeat(settings.eventsUrl(), settings.secret(), controlUrl, HEARTBEAT);
    }

    /** Starts a node with these settings; throws if a port is taken. */
    static SfuNode start(NodeSettings settings) {
        return new SfuNode(settings);
    }

    public static void main(String[] args) throws InterruptedException {
        NodeSettings settings;
        try {
            settings = NodeSettings.fromSystem();
        } catch (IllegalArgumentException e) {
            System.err.println("SFU node not started: " + e.getMessage());
            System.exit(2);
            return;
        }
        SfuNode node = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "sfu-node-stop"));
        System.out.println(node.readyLine());
        new CountDownLatch(1).await();
    }

    /**
     * The one line printed when ready, e.g. {@code SFU node ready: control=127.0.0.1:8444 udp=10.0.0.5:10000,10001
     * tcp=10.0.0.5:10000,10001}: a port per packet loop.
     */
    String readyLine() {
        List<Integer> tcp = ports(sfu.tcpAddresses());
        return "SFU node ready: control=" + hostPort(control.address()) + " udp=" + address + ":"
                + joined(ports(sfu.localAddresses()))
                + " tcp="
                + (tcp.isEmpty() ? "none" : address + ":" + joined(tcp));
    }

    private static List<Integer> ports(List<InetSocketAddress> addresses) {
        return addresses.stream().map(InetSocketAddress::getPort).toList();
    }

    private static String joined(List<Integer> ports) {
        return String.join(",", ports.stream().map(String::valueOf).toList());
    }

    /** Where the control API listens (its port, when 0 was asked). */
    InetSocketAddress controlAddress() {
        return control.address();
    }

    NodeStatus status() {
        SfuTotals totals = sfu.totals();
        return new NodeStatus(
                address,
                sfu.localAddress().getPort(),
                sfu.tcpAddress().map(InetSocketAddress::getPort).orElse(null),
                ports(sfu.localAddresses()),
                ports(sfu.tcpAddresses()),
                totals.meetings(),
                totals.participants(),
                events.dropped(),
                totals);
    }

    @Override
    public void close() {
        heartbeat.close();
        control.close();
        close(sfu, events);
    }

    private static void close(Sfu sfu, EventSender events) {
        events.close();
        sfu.close();
    }

    private static URI controlUrl(InetSocketAddress address) {
        try {
            // this constructor brackets an IPv6 host
            return new URI("http", null, address.getAddress().getHostAddress(), address.getPort(), null, null, null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
