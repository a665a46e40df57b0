package se.portvakt.sfu.node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import se.portvakt.sfu.SfuTotals;

/** The SFU nodes' counters as one: each sum over the nodes, their meetings' streams side by side. */
final class TotalsOfNodes {

    private TotalsOfNodes() {}

    static SfuTotals sum(List<SfuTotals> nodes) {
        List<SfuTotals.MeetingStreams> streams = new ArrayList<>();
        nodes.forEach(node -> streams.addAll(node.streamsPerMeeting()));
        return new SfuTotals(
                (int) sum(nodes, SfuTotals::meetings),
                (int) sum(nodes, SfuTotals::participants),
                sum(nodes, SfuTotals::packetsIn),
                sum(nodes, SfuTotals::packetsOut),
                sum(nodes, SfuTotals::bytesIn),
                sum(nodes, SfuTotals::bytesOut),
                sum(nodes, SfuTotals::lostIn),
                sum(nodes, SfuTotals::nacksOut),
                sum(nodes, SfuTotals::retransmitted),
                sum(nodes, SfuTotals::keyframeRequestsIn),
                sum(nodes, SfuTotals::unroutable),
                sum(nodes, SfuTotals::nacksUpstream),
                sum(nodes, SfuTotals::repairedUpstream),
                sum(nodes, SfuTotals::unknownSource),
                streams);
    }

    private static long sum(List<SfuTotals> nodes, ToLongFunction<SfuTotals> field) {
        return nodes.stream().mapToLong(field).sum();
    }
}
