package se.portvakt.sfu.node;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import se.portvakt.sfu.DominantSpeakerChanged;
import se.portvakt.sfu.MediaPathChanged;
import se.portvakt.sfu.MeetingNodeLost;
import se.portvakt.sfu.NodeRegistry;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.ParticipantDisconnected;
import se.portvakt.sfu.Placements;
import se.portvakt.sfu.RemoteSfu;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.SfuListeners;
import se.portvakt.sfu.SfuTotals;
import se.portvakt.sfu.stats.MeetingStats;

/**
 * The app's side of the control API (docs/sfu-control.md). Nodes come from the {@link NodeRegistry}: the configured
 * ones at start, and any node whose heartbeat arrives. Each meeting (or echo session) is placed, when it is first
 * created, on the registered node with the fewest participants, then meetings, in {@link Placements} (first placement
 * wins), and every later call for it goes there; a node that no longer answers when the meeting is created again
 * (every offer does) has it placed anew. The watch ({@link #watch}) checks every quarter second for nodes silent for
 * {@link #SILENCE}: one that does not answer {@code GET /node} either is dead, its meetings' placements are forgotten
 * and {@link MeetingNodeLost} tells the app to have their browsers offer again. Events the nodes POST to the app come
 * in through {@link #deliver}, so the app's code above the {@code Sfu} is the same as with the in-process SFU.
 */
public final class NodesClient implements RemoteSfu {
    private static final System.Logger LOG = System.getLogger(NodesClient.class.getName());

    /**
     * A node silent this long (two heartbeats missed) is asked {@code GET /node}, and dead if it does not answer: a
     * killed node is noticed 1 to 2.5 s after it died. A late heartbeat does not make a live node dead, as it answers.
     */
    public static final Duration SILENCE = SfuNode.HEARTBEAT.multipliedBy(2);

    static final Duration WATCH_EVERY = Duration.ofMillis(250);

    private final BearerSecret secret;
    private final Placements placements;
    private final NodeRegistry registry;
    private final Clock clock;
    private final Map<URI, NodeClient> clients = new ConcurrentHashMap<>();
    private final SfuListeners listeners = new SfuListeners();
    private final List<Consumer<MeetingNodeLost>> lostListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sfu-nodes-watch");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Does not watch yet: {@link #watch} starts that.
     *
     * @param seeds      the configured nodes' control URLs, registered now; more register with their heartbeats
     * @param secret     the bearer secret they share with the app
     * @param placements where each meeting is, in memory or shared by the app nodes
     * @param registry   the nodes known and when each was last seen, in memory or shared by the app nodes
     * @throws IllegalArgumentException with a secret under {@link BearerSecret#MIN_LENGTH}
     */
    public NodesClient(List<URI> seeds, String secret, Placements placements, NodeRegistry registry, Clock clock) {
        this.secret = new BearerSecret(secret);
        this.placements = placements;
        this.registry = registry;
        this.clock = clock;
        seeds.forEach(seed -> registry.seen(normalized(seed), clock.instant()));
    }

    /** Starts checking the nodes every {@link #WATCH_EVERY} on a thread of its own, until {@link #close}. */
    public NodesClient watch() {
        watch.scheduleWithFixedDelay(this::watchSafely, 0, WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void createMeeting(String meetingId) {
        open(meetingId, "/meetings/");
    }

    @Override
    public void createEchoSession(String sessionId) {
        open(sessionId, "/echo/");
    }

    @Override
    public void closeMeeting(String meetingId) {
        Optional<URI> node = placements.nodeOf(meetingId);
        placements.remove(meetingId);
        node.ifPresent(url -> client(url).call("DELETE", "/meetings/" + NodeClient.segment(meetingId), null, null));
    }

    @Override
    public ParticipantAnswer negotiate(
            String meetingId, String participantId, String offerSdp, Map<String, String> sources) {
        return placed(meetingId)
                .call(
                        "POST",
                        participantPath(meetingId, participantId) + "/offer",
                        new NodeOffer(offerSdp, sources),
                        ParticipantAnswer.class);
    }

    @Override
    public void preferLayers(String meetingId, String participantId, Map<String, String> layerByMid) {
        placements
                .nodeOf(meetingId)
                .ifPresent(node -> client(node)
                        .call("PUT", participantPath(meetingId, participantId) + "/layers", layerByMid, null));
    }

    @Override
    public void removeParticipant(String meetingId, String participantId) {
        placements
                .nodeOf(meetingId)
                .ifPresent(node -> client(node).call("DELETE", participantPath(meetingId, participantId), null, null));
    }

    @Override
    public MeetingStats stats(String meetingId) {
        return placed(meetingId)
                .call("GET", "/meetings/" + NodeClient.segment(meetingId) + "/stats", null, MeetingStats.class);
    }

    /** Every node that answers, summed; a node that does not is left out. */
    @Override
    public SfuTotals totals() {
        List<SfuTotals> totals = new ArrayList<>();
        for (URI node : registered()) {
            NodeStatus status = statusOrNull(node);
            if (status != null) {
                totals.add(status.totals());
            }
        }
        return SfuTotals.sum(totals);
    }

    @Override
    public void onDominantSpeakerChanged(Consumer<DominantSpeakerChanged> listener) {
        listeners.onDominantSpeakerChanged(listener);
    }

    @Override
    public void onRenegotiationNeeded(Consumer<RenegotiationNeeded> listener) {
        listeners.onRenegotiationNeeded(listener);
    }

    @Override
    public void onParticipantDisconnected(Consumer<ParticipantDisconnected> listener) {
        listeners.onParticipantDisconnected(listener);
    }

    @Override
    public void onMediaPathChanged(Consumer<MediaPathChanged> listener) {
        listeners.onMediaPathChanged(listener);
    }

    @Override
    public void onMeetingNodeLost(Consumer<MeetingNodeLost> listener) {
        lostListeners.add(listener);
    }

    /** The media address of the first registered node (by control URL) that answers; the equipment page shows it. */
    @Override
    public InetSocketAddress localAddress() {
        NodeStatus status = firstAnswering();
        return new InetSocketAddress(status.address(), status.udpPort());
    }

    @Override
    public Optional<InetSocketAddress> tcpAddress() {
        NodeStatus status = firstAnswering();
        return Optional.ofNullable(status.tcpPort()).map(port -> new InetSocketAddress(status.address(), port));
    }

    @Override
    public void close() {
        watch.shutdownNow();
    }

    @Override
    public boolean fromANode(String authorization) {
        return secret.matches(authorization);
    }

    @Override
    public void deliver(byte[] json) {
        Object event = NodeEvents.decode(json);
        if (event instanceof NodeAlive alive) {
            registry.seen(controlUrl(alive), clock.instant());
        } else {
            listeners.deliver(event);
        }
    }

    /**
     * One look at every registered node: one silent for {@link #SILENCE} that does not answer {@code GET /node}
     * either is forgotten, and if this call forgot it (not another app node's), so are its meetings' placements, each
     * then told to the {@link #onMeetingNodeLost} listeners.
     */
    void checkNodes() {
        Instant now = clock.instant();
        Instant silentSince = now.minus(SILENCE);
        registry.lastSeen().forEach((node, seen) -> {
            if (!seen.isBefore(silentSince)) {
                return;
            }
            if (statusOrNull(node) != null) {
                registry.seen(node, now); // alive, though its heartbeats do not reach us
            } else if (registry.removeIfSilentSince(node, silentSince)) {
                lose(node);
            }
        });
    }

    private void lose(URI node) {
        clients.remove(node);
        List<String> moved = new ArrayList<>();
        for (String meetingId : placements.on(node)) {
            if (placements.remove(meetingId, node)) {
                moved.add(meetingId);
            }
        }
        LOG.log(
                System.Logger.Level.WARNING,
                "SFU node " + node + " is gone (silent for " + SILENCE.toMillis() + " ms and not answering); "
                        + moved.size() + " meeting(s) on it will be placed again");
        for (String meetingId : moved) {
            MeetingNodeLost lost = new MeetingNodeLost(meetingId, node.toString());
            for (Consumer<MeetingNodeLost> listener : lostListeners) {
                try {
                    listener.accept(lost);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "listener of " + lost, e);
                }
            }
        }
    }

    private void watchSafely() {
        try {
            checkNodes();
        } catch (RuntimeException e) {
            // e.g. Redis away for a moment: the next look tries again
            LOG.log(System.Logger.Level.WARNING, "watching the SFU nodes failed", e);
        }
    }

    /** Creates the meeting on its node; placed first if it is not, or if its node no longer answers. */
    private void open(String id, String kind) {
        String path = kind + NodeClient.segment(id);
        Optional<URI> placed = placements.nodeOf(id);
        if (placed.isPresent()) {
            try {
                client(placed.get()).call("PUT", path, null, null);
                return;
            } catch (IllegalStateException gone) {
                placements.remove(id, placed.get());
            }
        }
        URI node = placements.placeIfAbsent(id, leastLoaded());
        client(node).call("PUT", path, null, null);
    }

    private NodeClient placed(String meetingId) {
        return placements
                .nodeOf(meetingId)
                .map(this::client)
                .orElseThrow(() -> new IllegalArgumentException("no meeting " + meetingId));
    }

    private URI leastLoaded() {
        Comparator<NodeStatus> load =
                Comparator.comparingInt(NodeStatus::participants).thenComparingInt(NodeStatus::meetings);
        URI best = null;
        NodeStatus bestStatus = null;
        for (URI node : registered()) {
            NodeStatus status = statusOrNull(node);
            if (status != null && (bestStatus == null || load.compare(status, bestStatus) < 0)) {
                best = node;
                bestStatus = status;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no SFU node answers (" + registered() + ")");
        }
        return best;
    }

    private NodeStatus firstAnswering() {
        for (URI node : registered()) {
            NodeStatus status = statusOrNull(node);
            if (status != null) {
                return status;
            }
        }
        throw new IllegalStateException("no SFU node answers (" + registered() + ")");
    }

    /** The registered nodes in the order of their URLs, so ties and "first" are the same on every app node. */
    private List<URI> registered() {
        return registry.lastSeen().keySet().stream()
                .sorted(Comparator.comparing(URI::toString))
                .toList();
    }

    private NodeStatus statusOrNull(URI node) {
        try {
            return client(node).status();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private NodeClient client(URI node) {
        return clients.computeIfAbsent(node, url -> new NodeClient(url, secret));
    }

    private static URI controlUrl(NodeAlive alive) {
        URI url;
        try {
            url = normalized(URI.create(alive.controlUrl()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a heartbeat's control URL is no URL", e);
        }
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("a heartbeat's control URL is no http(s) URL: " + url);
        }
        return url;
    }

    /** Without a trailing slash, so a configured node and its heartbeat name one node. */
    static URI normalized(URI node) {
        String url = node.toString();
        return url.endsWith("/") ? URI.create(url.substring(0, url.length() - 1)) : node;
    }

    private static String participantPath(String meetingId, String participantId) {
        return "/meetings/" + NodeClient.segment(meetingId) + "/participants/" + NodeClient.segment(participantId);
    }
}
