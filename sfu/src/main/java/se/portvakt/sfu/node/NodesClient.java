package se.portvakt.sfu.node;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import se.portvakt.sfu.DominantSpeakerChanged;
import se.portvakt.sfu.MediaPathChanged;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.ParticipantDisconnected;
import se.portvakt.sfu.RemoteSfu;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.SfuListeners;
import se.portvakt.sfu.SfuTotals;
import se.portvakt.sfu.stats.MeetingStats;

/**
 * The app's side of the control API (docs/sfu-control.md): each meeting (or echo session) is placed on the node with
 * the fewest participants, then meetings, when it is created, and every later call for it goes there; a node that
 * no longer answers when the meeting is created again (every offer does) has it placed anew. Events the nodes POST
 * to the app come in through {@link #deliver} to the listeners registered here, so the app's code above the {@code
 * Sfu} is the same as with the in-process SFU.
 *
 * <p>The placement is this app node's memory: enough for one app node; with several, each may place the same meeting
 * elsewhere, so a cluster needs it in shared storage (docs/sfu-control.md, "In the app").
 */
public final class NodesClient implements RemoteSfu {

    private final List<NodeClient> nodes;
    private final BearerSecret secret;
    private final Map<String, NodeClient> placements = new ConcurrentHashMap<>();
    private final SfuListeners listeners = new SfuListeners();
    private final Object placing = new Object();

    /**
     * @param nodes  the nodes' control URLs
     * @param secret the bearer secret they share with the app
     * @throws IllegalArgumentException without nodes, or with a secret under {@link BearerSecret#MIN_LENGTH}
     */
    public NodesClient(List<URI> nodes, String secret) {
        this(nodes, new BearerSecret(secret));
    }

    NodesClient(List<URI> nodes, BearerSecret secret) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no SFU node");
        }
        this.nodes = nodes.stream().map(url -> new NodeClient(url, secret)).toList();
        this.secret = secret;
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
        NodeClient node = placements.remove(meetingId);
        if (node != null) {
            node.call("DELETE", "/meetings/" + NodeClient.segment(meetingId), null, null);
        }
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
        NodeClient node = placements.get(meetingId);
        if (node != null) {
            node.call("PUT", participantPath(meetingId, participantId) + "/layers", layerByMid, null);
        }
    }

    @Override
    public void removeParticipant(String meetingId, String participantId) {
        NodeClient node = placements.get(meetingId);
        if (node != null) {
            node.call("DELETE", participantPath(meetingId, participantId), null, null);
        }
    }

    @Override
    public MeetingStats stats(String meetingId) {
        return placed(meetingId)
                .call("GET", "/meetings/" + NodeClient.segment(meetingId) + "/stats", null, MeetingStats.class);
    }

    /** Every node that answers, summed; a node that does not is left out. */
    @Override
    public SfuTotals totals() {
        return TotalsOfNodes.sum(answering().stream().map(NodeStatus::totals).toList());
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

    /** The media address of the first node that answers (the equipment test page shows its port). */
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
        placements.clear();
    }

    @Override
    public boolean fromANode(String authorization) {
        return secret.matches(authorization);
    }

    @Override
    public void deliver(byte[] json) {
        listeners.deliver(NodeEvents.decode(json));
    }

    /** The node the meeting is on, by placement; a node that no longer answers has its meetings placed again. */
    private void open(String id, String kind) {
        String path = kind + NodeClient.segment(id);
        NodeClient node = placements.get(id);
        if (node != null) {
            try {
                node.call("PUT", path, null, null);
                return;
            } catch (IllegalStateException gone) {
                placements.remove(id, node);
            }
        }
        synchronized (placing) {
            node = placements.get(id);
            if (node == null) {
                node = leastLoaded();
            }
            node.call("PUT", path, null, null);
            placements.put(id, node);
        }
    }

    private NodeClient placed(String meetingId) {
        NodeClient node = placements.get(meetingId);
        if (node == null) {
            throw new IllegalArgumentException("no meeting " + meetingId);
        }
        return node;
    }

    private NodeClient leastLoaded() {
        NodeClient best = null;
        NodeStatus bestStatus = null;
        Comparator<NodeStatus> load =
                Comparator.comparingInt(NodeStatus::participants).thenComparingInt(NodeStatus::meetings);
        for (NodeClient node : nodes) {
            NodeStatus status = statusOrNull(node);
            if (status != null && (bestStatus == null || load.compare(status, bestStatus) < 0)) {
                best = node;
                bestStatus = status;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no SFU node answers (" + nodes + ")");
        }
        return best;
    }

    private List<NodeStatus> answering() {
        List<NodeStatus> statuses = new ArrayList<>();
        for (NodeClient node : nodes) {
            NodeStatus status = statusOrNull(node);
            if (status != null) {
                statuses.add(status);
            }
        }
        return statuses;
    }

    private NodeStatus firstAnswering() {
        for (NodeClient node : nodes) {
            NodeStatus status = statusOrNull(node);
            if (status != null) {
                return status;
            }
        }
        throw new IllegalStateException("no SFU node answers (" + nodes + ")");
    }

    private static NodeStatus statusOrNull(NodeClient node) {
        try {
            return node.status();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static String participantPath(String meetingId, String participantId) {
        return "/meetings/" + NodeClient.segment(meetingId) + "/participants/" + NodeClient.segment(participantId);
    }
}
