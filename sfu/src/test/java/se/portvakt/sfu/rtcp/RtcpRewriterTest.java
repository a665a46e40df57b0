package se.portvakt.sfu.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpRewriterTest {

    @Test
    void mapsMediaSsrcsOfFeedbackAndFirEntriesOnly() {
        byte[] wire = RtcpEncoder.encode(List.of(
                new RtcpPacket.ReceiverReport(9, List.of()),
                new RtcpPacket.GenericNack(9, 100, List.of(1)),
                new RtcpPacket.PictureLossIndication(9, 100),
                new RtcpPacket.FullIntraRequest(9, List.of(new RtcpPacket.FirEntry(100, 1))),
                new RtcpPacket.PictureLossIndication(9, 7)));
        RtcpRewriter.rewriteMediaSsrcs(wire, 0, wire.length, ssrc -> ssrc == 100 ? 555 : ssrc);
        assertThat(RtcpParser.tryParse(wire, 0, wire.length).orElseThrow())
                .containsExactly(
                        new RtcpPacket.ReceiverReport(9, List.of()),
                        new RtcpPacket.GenericNack(9, 555, List.of(1)),
                        new RtcpPacket.PictureLossIndication(9, 555),
                        new RtcpPacket.FullIntraRequest(9, List.of(new RtcpPacket.FirEntry(555, 1))),
                        new RtcpPacket.PictureLossIndication(9, 7));
    }
}
