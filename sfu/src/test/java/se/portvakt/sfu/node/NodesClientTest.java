package se.portvakt.sfu.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.MeetingNodeLost;
import se.portvakt.sfu.NodeRegistry;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.Placements;
import se.portvakt.sfu.RemoteSfu;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.Sfus;
import se.portvakt.sfu.ice.MutableClock;

/** The app's side ({@link NodesClient}) against two real nodes in this JVM: placement, calls, events, a node gone. */
class NodesClientTest {

    static final String SECRET = SfuNodeTest.SECRET;

    EventReceiver app;
    SfuNode first;
    SfuNode second;
    RemoteSfu sfu;

    @BeforeEach
    void start() {
        app = new EventReceiver();
        first = node();
        second = node();
        if (url(first).toString().compareTo(url(second).toString()) > 0) {
            // ties go to the first by URL, the same on every app node
            SfuNode later = first;
            first = second;
            second = later;
        }
        // configured with a trailing slash, which the heartbeats' URLs lack: both name one node
        sfu = Sfus.remote(List.of(URI.create(url(first) + "/"), URI.create(url(second) + "/")), SECRET);
    }

    /** Not watching on its own: the test calls {@link NodesClient#checkNodes} at the clock's times. */
    static NodesClient unwatched(List<URI> seeds, Placements placements, NodeRegistry registry, Clock clock) {
        return new NodesClient(seeds, SECRET, placements, registry, clock);
    }

    @AfterEach
    void stop() {
        sfu.close();
        first.close();
        second.close();
        app.close();
    }

    @Test
    void eachMeetingGoesToTheNodeWithFewestParticipants() {
        sfu.createMeeting("m1");
        sfu.addParticipant("m1", "alice", ChromeOffers.receiving());
        sfu.createMeeting("m2");
        sfu.addParticipant("m2", "bob", ChromeOffers.receiving());
        sfu.addParticipant("m2", "carl", ChromeOffers.receiving());
        sfu.createMeeting("m3");

        assertThat(first.status().meetings())
                .as("m1 (a tie: the first node), m3 (1 against 2 participants)")
                .isEqualTo(2);
        assertThat(second.status().meetings()).as("m2").isEqualTo(1);
        assertThat(second.status().participants()).isEqualTo(2);
        assertThat(sfu.stats("m2").participants()).isEqualTo(2);
        assertThat(sfu.totals().participants()).as("summed over both nodes").isEqualTo(3);
        assertThat(sfu.localAddress().getPort()).isEqualTo(first.status().udpPort());

        sfu.removeParticipant("m2", "carl");
        sfu.preferLayers("m2", "bob", Map.of("1", "high"));
        assertThat(second.status().participants()).isEqualTo(1);
        sfu.closeMeeting("m2");
        assertThat(second.status().meetings()).isZero();
        assertThatThrownBy(() -> sfu.negotiate("m2", "bob", ChromeOffers.receiving(), Map.of()))
                .as("a closed meeting is unknown, as in-process")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatTheNodeRefusesIsAnIllegalArgument() {
        sfu.createMeeting("m1");
        assertThatThrownBy(() -> sfu.negotiate("m1", "alice", "v=0\r\ns=-\r\n", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        sfu.createEchoSession("echo-1");
        ParticipantAnswer echoed =
                sfu.addParticipant("echo-1", "tester", ChromeOffers.captured().replace("a=sendonly", "a=sendrecv"));
        assertThat(echoed.streams()).isNotEmpty();
        assertThatThrownBy(() -> sfu.addParticipant("echo-1", "intruder", ChromeOffers.receiving()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNodesEventsReachTheListenersThroughDeliver() throws Exception {
        List<RenegotiationNeeded> asked = new CopyOnWriteArrayList<>();
        sfu.onRenegotiationNeeded(asked::add);
        sfu.createMeeting("m1");
        sfu.addParticipant("m1", "alice", ChromeOffers.receiving());
        sfu.addParticipant("m1", "bob", ChromeOffers.captured());

        EventReceiver.Received posted = app.next(Duration.ofSeconds(10));
        assertThat(sfu.fromANode(posted.authorization())).isTrue();
        assertThat(sfu.fromANode("Bearer " + SECRET.toUpperCase())).isFalse();
        sfu.deliver(posted.body().getBytes());
        assertThat(asked).containsExactly(new RenegotiationNeeded("m1", "alice", 1, 0));
        assertThatThrownBy(() -> sfu.deliver("{}".getBytes())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMeetingWhoseNodeIsGoneIsPlacedAgainWhenItIsCreatedAgain() {
        sfu.createMeeting("m1");
        assertThat(sfu.addParticipant("m1", "alice", ChromeOffers.receiving()).joined())
                .isTrue();
        first.close();

        sfu.createMeeting("m1");
        ParticipantAnswer again = sfu.addParticipant("m1", "alice", ChromeOffers.receiving());
        assertThat(again.joined())
                .as("new to the second node: the browser starts over")
                .isTrue();
        assertThat(second.status().udpPorts())
                .anySatisfy(port -> assertThat(again.answerSdp()).contains(" " + port + " typ host"));
        assertThat(second.status().participants()).isEqualTo(1);
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> Sfus.remote(List.of(url(first)), "short"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNodeNotConfiguredRegistersWithItsHeartbeat() throws Exception {
        try (RemoteSfu none = Sfus.remote(List.of(), SECRET)) {
            assertThatThrownBy(() -> none.createMeeting("m1"))
                    .as("no node known yet")
                    .isInstanceOf(IllegalStateException.class);
            EventReceiver.Received heartbeat = app.heartbeat(Duration.ofSeconds(10));
            assertThat(heartbeat).as("a node says it is alive every second").isNotNull();
            assertThat(none.fromANode(heartbeat.authorization())).isTrue();
            none.deliver(heartbeat.body().getBytes());

            none.createMeeting("m1");
            assertThat(first.status().meetings() + second.status().meetings()).isEqualTo(1);
            assertThatThrownBy(() -> none.deliver("{\"type\":\"nodeAlive\",\"controlUrl\":\"file:/etc\"}".getBytes()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theWatchForgetsADeadNodesMeetingsOnceAndTheyArePlacedOnALiveOne() {
        MutableClock clock = new MutableClock();
        Placements placements = Placements.inMemory();
        NodeRegistry registry = NodeRegistry.inMemory();
        // two app nodes sharing placements and registry, as two app nodes share Redis
        NodesClient a = unwatched(List.of(url(first), url(second)), placements, registry, clock);
        NodesClient b = unwatched(List.of(url(first), url(second)), placements, registry, clock);
        List<MeetingNodeLost> lost = new CopyOnWriteArrayList<>();
        a.onMeetingNodeLost(lost::add);
        b.onMeetingNodeLost(lost::add);
        a.createMeeting("m1");
        a.addParticipant("m1", "alice", ChromeOffers.receiving());
        b.createMeeting("m2");
        b.createMeeting("m1");
        SfuNode m1Node = placements.nodeOf("m1").orElseThrow().equals(url(first)) ? first : second;
        SfuNode other = m1Node == first ? second : first;
        assertThat(m1Node.status().participants())
                .as("b found a's placement of m1")
                .isEqualTo(1);

        clock.advance(NodesClient.SILENCE.minusMillis(1));
        m1Node.close();
        a.checkNodes();
        assertThat(lost).as("not silent long enough").isEmpty();

        clock.advance(Duration.ofMillis(2));
        a.checkNodes();
        b.checkNodes();
        assertThat(lost)
                .as("one app node acts; the live node, as silent but answering, is kept")
                .containsExactly(new MeetingNodeLost("m1", url(m1Node).toString()));
        assertThat(registry.lastSeen()).containsOnlyKeys(url(other));
        assertThat(placements.nodeOf("m1")).isEmpty();

        b.createMeeting("m1");
        ParticipantAnswer again = b.addParticipant("m1", "alice", ChromeOffers.receiving());
        assertThat(again.joined()).isTrue();
        assertThat(other.status().udpPorts())
                .anySatisfy(port -> assertThat(again.answerSdp()).contains(" " + port + " typ host"));
        assertThat(placements.nodeOf("m1")).contains(url(other));
    }

    SfuNode node() {
        return SfuNode.start(NodeSettings.from(Map.of(
                "portvakt.sfu.udp-port", "0",
                "portvakt.sfu.tcp-port", "-1",
                "portvakt.sfu.control-port", "0",
                "portvakt.sfu.secret", SECRET,
                "portvakt.sfu.events-url", app.url().toString())::get));
    }

    /** The node's control URL as its heartbeat names it. */
    static URI url(SfuNode node) {
        return URI.create("http://127.0.0.1:" + node.controlAddress().getPort());
    }
}
