package se.portvakt.sfu.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.RemoteSfu;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.Sfus;

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
        sfu = Sfus.remote(List.of(url(first), url(second)), SECRET);
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
        assertThat(again.answerSdp()).contains(" " + second.status().udpPort() + " typ host");
        assertThat(second.status().participants()).isEqualTo(1);
    }

    @Test
    void refusesAShortSecretAndNoNodes() {
        assertThatThrownBy(() -> Sfus.remote(List.of(url(first)), "short"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sfus.remote(List.of(), SECRET)).isInstanceOf(IllegalArgumentException.class);
    }

    SfuNode node() {
        return SfuNode.start(NodeSettings.from(Map.of(
                "portvakt.sfu.udp-port", "0",
                "portvakt.sfu.tcp-port", "-1",
                "portvakt.sfu.control-port", "0",
                "portvakt.sfu.secret", SECRET,
                "portvakt.sfu.events-url", app.url().toString())::get));
    }

    static URI url(SfuNode node) {
        return URI.create("http://127.0.0.1:" + node.controlAddress().getPort() + "/");
    }
}
