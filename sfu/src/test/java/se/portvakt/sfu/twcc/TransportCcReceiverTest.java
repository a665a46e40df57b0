package se.portvakt.sfu.twcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.rtcp.RtcpEncoder;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtcp.RtcpParser;

class TransportCcReceiverTest {
    static final long MS = 1_000_000L;
    static final long T0 = 5_000 * MS; // any System.nanoTime() value
    static final long MEDIA = 0x1111_1111L;

    static String hex(List<RtcpPacket.TransportCcFeedback> feedback) {
        return HexFormat.of().formatHex(RtcpEncoder.encode(feedback));
    }

    @Test
    void feedbackIsTheHandComputedBytes() {
        TransportCcReceiver receiver = new TransportCcReceiver(1);
        receiver.received(100, MEDIA, T0); // 0 ticks of 250 us
        receiver.received(101, MEDIA, T0 + MS); // 4 ticks
        // 102 lost
        receiver.received(104, MEDIA, T0 + 60 * MS); // 240 ticks, before 103
        assertThat(receiver.due(T0 + 40 * MS)).as("not yet 50 ms").isEmpty();
        receiver.received(103, MEDIA, T0 + 70 * MS); // 280 ticks
        List<RtcpPacket.TransportCcFeedback> first = receiver.due(T0 + 100 * MS);
        assertThat(hex(first))
                .isEqualTo(
                        "8fcd0006" // V=2, FMT 15, PT 205, 6 words follow
                                + "00000001" + "11111111" // sender, media source
                                + "0064" + "0005" // base sequence 100, 5 statuses
                                + "000000" + "00" // reference time 0 (x 64 ms), feedback 0
                                + "d4a0" // two-bit vector: 01 01 00 10 10 (00 00 unused)
                                + "00" + "04" + "0114" + "ffd8"); // deltas 0, 4, 276 (large), -40 (large, negative)

        receiver.received(102, MEDIA, T0 + 120 * MS); // reported lost already
        receiver.received(105, MEDIA, T0 + 130 * MS); // 520 ticks: reference 2 (512), delta 8
        receiver.received(106, MEDIA, T0 + 131 * MS); // 524 ticks: delta 4
        assertThat(receiver.due(T0 + 149 * MS))
                .as("50 ms after the last feedback")
                .isEmpty();
        assertThat(hex(receiver.due(T0 + 150 * MS)))
                .isEqualTo("8fcd0005" + "00000001" + "11111111"
                        + "0069" + "0002" // base 105, 2 statuses
                        + "000002" + "01" // reference 2, feedback 1
                        + "2002" // run length: 2 received, small deltas
                        + "0804");
        assertThat(receiver.late()).isEqualTo(1);
        assertThat(receiver.due(T0 + 300 * MS)).as("nothing new").isEmpty();
    }

    @Test
    void numbersSentIntoAPathThatWentAwayAreNotReportedLost() {
        TransportCcReceiver receiver = new TransportCcReceiver(1);
        for (int i = 0; i < 10; i++) {
            receiver.received(100 + i, MEDIA, T0 + i * 10 * MS);
        }
        assertThat(receiver.due(T0 + 100 * MS)).hasSize(1);
        receiver.received(111, MEDIA, T0 + 400 * MS); // 110 lost, 300 ms of silence: a loss, reported
        List<RtcpPacket.TransportCcFeedback> afterLoss = receiver.due(T0 + 450 * MS);
        assertThat(afterLoss.get(0).baseSequence()).isEqualTo(110);
        assertThat(afterLoss.get(0).statusCount()).isEqualTo(2);

        receiver.received(1500, MEDIA, T0 + 3_400 * MS); // 3 s without a packet: the path moved
        receiver.received(1501, MEDIA, T0 + 3_410 * MS);
        List<RtcpPacket.TransportCcFeedback> afterOutage = receiver.due(T0 + 3_450 * MS);
        assertThat(afterOutage).hasSize(1);
        assertThat(afterOutage.get(0).baseSequence())
                .as("the report starts at the first number after the outage")
                .isEqualTo(1500);
        assertThat(afterOutage.get(0).statusCount()).isEqualTo(2);
    }

    @Test
    void everyNumberIsReportedOnceAcrossTheWrapAndAcrossPackets() {
        TransportCcReceiver receiver = new TransportCcReceiver(1);
        int sent = 0;
        int seq = 65_000;
        long now = T0;
        int reported = 0;
        long received = 0;
        int expectedNext = seq;
        for (int round = 0; round < 40; round++) {
            for (int k = 0; k < 60; k++, seq++, sent++) {
                now += MS / 2;
                if (seq % 17 != 0) { // a loss now and then
                    receiver.received(seq & 0xFFFF, MEDIA, now);
                }
            }
            for (RtcpPacket.TransportCcFeedback f : receiver.due(now + 50 * MS)) {
                assertThat(f.baseSequence()).isEqualTo(expectedNext & 0xFFFF);
                assertThat(f.statusCount()).isLessThanOrEqualTo(TransportCcReceiver.MAX_STATUSES);
                expectedNext += f.statusCount();
                reported += f.statusCount();
                TransportCcChunks.Statuses s = TransportCcChunks.decode(f.chunksAndDeltas(), f.statusCount())
                        .orElseThrow();
                received += s.deltas().length;
            }
            now += 50 * MS;
        }
        // the last number sent (seq - 1) was received (not a multiple of 17), so everything is reported
        assertThat(reported).isEqualTo(sent);
        assertThat(received).isEqualTo(sent - countMultiplesOf17(65_000, 65_000 + sent));
    }

    static long countMultiplesOf17(int from, int to) {
        long n = 0;
        for (int s = from; s < to; s++) {
            n += s % 17 == 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void aLongBurstIsSplitAndTheArrivalTimesAddUp() {
        TransportCcReceiver receiver = new TransportCcReceiver(1);
        for (int i = 0; i < 1200; i++) {
            receiver.received(i, MEDIA, T0 + i * MS / 4); // one per tick
        }
        List<RtcpPacket.TransportCcFeedback> feedback = receiver.due(T0 + 400 * MS);
        assertThat(feedback)
                .extracting(RtcpPacket.TransportCcFeedback::statusCount)
                .containsExactly(500, 500, 200);
        assertThat(feedback)
                .extracting(RtcpPacket.TransportCcFeedback::feedbackCount)
                .containsExactly(0, 1, 2);
        for (RtcpPacket.TransportCcFeedback f : feedback) {
            TransportCcChunks.Statuses s = TransportCcChunks.decode(f.chunksAndDeltas(), f.statusCount())
                    .orElseThrow();
            long ticks = f.referenceTime() * 256L;
            for (int d : s.deltas()) {
                ticks += d;
            }
            assertThat(ticks).as("the last arrival of each packet").isEqualTo(f.baseSequence() + f.statusCount() - 1);
        }
    }

    @Test
    void aParsedFeedbackIsTheOneEncoded() {
        TransportCcReceiver receiver = new TransportCcReceiver(0xCAFEL);
        for (int i = 0; i < 40; i++) {
            if (i % 5 != 2) {
                receiver.received(1000 + i, MEDIA, T0 + i * 3 * MS + (i % 3) * 200 * 1000);
            }
        }
        RtcpPacket.TransportCcFeedback sent = receiver.due(T0 + 200 * MS).get(0);
        byte[] wire = RtcpEncoder.encode(List.of(sent));
        RtcpPacket.TransportCcFeedback parsed = (RtcpPacket.TransportCcFeedback)
                new RtcpParser().parse(wire, 0, wire.length).orElseThrow().get(0);
        assertThat(parsed.senderSsrc()).isEqualTo(0xCAFEL);
        assertThat(parsed.mediaSsrc()).isEqualTo(MEDIA);
        assertThat(parsed.baseSequence()).isEqualTo(1000);
        assertThat(parsed.statusCount()).isEqualTo(40);
        assertThat(parsed.referenceTime()).isEqualTo(sent.referenceTime());
        assertThat(TransportCcChunks.decode(parsed.chunksAndDeltas(), parsed.statusCount()))
                .isEqualTo(TransportCcChunks.decode(sent.chunksAndDeltas(), sent.statusCount()))
                .get()
                .satisfies(s -> assertThat(s.deltas()).hasSize(32));
    }
}
