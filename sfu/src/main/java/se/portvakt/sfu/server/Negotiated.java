package se.portvakt.sfu.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import se.portvakt.sfu.codec.CodecHandler;
import se.portvakt.sfu.forward.MediaKind;
import se.portvakt.sfu.sdp.AnswerOptions;
import se.portvakt.sfu.sdp.Codec;
import se.portvakt.sfu.sdp.Direction;
import se.portvakt.sfu.sdp.Extmap;
import se.portvakt.sfu.sdp.MediaDescription;
import se.portvakt.sfu.sdp.SessionDescription;

/**
 * What a participant's latest offer and our answer settled: how to read what it sends, which of its m-sections
 * carry its own tracks, and which are slots for receiving the others.
 *
 * @param codecs       payload type to codec, of every accepted m-section (the same in a BUNDLE)
 * @param pli          payload types whose codec negotiated "nack pli" (else FIR is used)
 * @param handlers     payload type to what forwarding must know of its codec (where a receiver may start)
 * @param audioLevelId the negotiated extmap id of RFC 6464 audio levels, or -1
 * @param midId        the negotiated extmap id of the sdes:mid extension, or -1
 * @param ridId        the negotiated extmap id of the sdes:rtp-stream-id (rid) extension, or -1
 * @param rridId       the negotiated extmap id of the sdes:repaired-rtp-stream-id extension (RFC 8852: the rid an
 *                     RTX packet repairs, Chrome's only link from a simulcast layer's RTX SSRC to the layer), or -1
 * @param transportCcId the negotiated extmap id of transport-wide sequence numbers (then we answer with transport-cc
 *                     feedback and send no REMB), or -1
 * @param sending      the browser's own tracks, in offer order
 * @param slots        the browser's receive m-sections, in offer order
 */
record Negotiated(
        Map<Integer, Codec> codecs,
        Map<Integer, MediaKind> kinds,
        Set<Integer> pli,
        Map<Integer, CodecHandler> handlers,
        int audioLevelId,
        int midId,
        int ridId,
        int rridId,
        int transportCcId,
        List<Sending> sending,
        List<Slot> slots) {

    static final Negotiated NOTHING =
            new Negotiated(Map.of(), Map.of(), Set.of(), Map.of(), -1, -1, -1, -1, -1, List.of(), List.of());
    private static final String AUDIO_LEVEL_URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    private static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    private static final String RID_URI = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    private static final String RRID_URI = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";

    /**
     * One sending m-section of the browser.
     *
     * @param ssrcs  its media SSRCs from a=ssrc (RTX SSRCs of FID groups left out); empty with simulcast, whose
     *               SSRCs are learnt from the packets
     * @param source what the tab says it is: microphone, camera or screen
     * @param rids   the simulcast layers' rids, low to high as a=simulcast lists them; empty without simulcast
     */
    record Sending(
            String mid,
            MediaKind kind,
            Set<Long> ssrcs,
            boolean usePli,
            CodecHandler codec,
            String source,
            List<String> rids) {

        boolean simulcast() {
            return !rids.isEmpty();
        }
    }

    /** A receive m-section; {@code paused} when the browser offered it inactive. */
    record Slot(String mid, MediaKind kind, List<Codec> codecs, boolean paused) {}

    /** Reads the offer against our (unplaced) answer: only m-sections the answer accepted count. */
    static Negotiated of(SessionDescription offer, SessionDescription answer, Map<String, String> sources) {
        Map<Integer, Codec> codecs = new HashMap<>();
        Map<Integer, MediaKind> kinds = new HashMap<>();
        Set<Integer> pli = new HashSet<>();
        Map<Integer, CodecHandler> handlers = new HashMap<>();
        int audioLevelId = -1;
        int midId = -1;
        int ridId = -1;
        int rridId = -1;
        int transportCcId = -1;
        List<Sending> sending = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < answer.media().size(); i++) {
            MediaDescription accepted = answer.media().get(i);
            if (accepted.port() == 0) {
                continue;
            }
            MediaDescription offered = offer.media().get(i);
            MediaKind kind = MediaKind.valueOf(offered.kind().toUpperCase(Locale.ROOT));
            for (Extmap e : accepted.extmaps()) {
                if (kind == MediaKind.AUDIO && e.uri().equals(AUDIO_LEVEL_URI)) {
                    audioLevelId = e.id();
                } else if (e.uri().equals(MID_URI)) {
                    midId = e.id();
                } else if (e.uri().equals(RID_URI)) {
                    ridId = e.id();
                } else if (e.uri().equals(RRID_URI)) {
                    rridId = e.id();
                } else if (e.uri().equals(AnswerOptions.TRANSPORT_CC_URI)) {
                    transportCcId = e.id();
                }
            }
            for (Codec c : accepted.codecs()) {
                codecs.put(c.payloadType(), c);
                kinds.put(c.payloadType(), kind);
                handlers.put(c.payloadType(), CodecHandler.forEncoding(c.name()));
                if (c.feedback().contains("nack pli")) {
                    pli.add(c.payloadType());
                }
            }
            // the browser sends with the first codec of the answer, which keeps the offer's order
            Codec first = accepted.codecs().stream()
                    .filter(c -> !c.isRtx())
                    .findFirst()
                    .orElse(null);
            CodecHandler sectionCodec = first == null ? CodecHandler.OPAQUE : CodecHandler.forEncoding(first.name());
            boolean sectionPli = first != null && first.feedback().contains("nack pli");
            String mid = offered.mid().orElseThrow();
            Direction direction = offered.direction();
            if (direction == Direction.SENDONLY || direction == Direction.SENDRECV) {
                String source = sources.getOrDefault(mid, defaultSource(kind));
                sending.add(new Sending(
                        mid, kind, mediaSsrcs(offered), sectionPli, sectionCodec, source, sendRids(offered)));
            }
            if (direction != Direction.SENDONLY) {
                List<Codec> receivable =
                        accepted.codecs().stream().filter(c -> !c.isRtx()).toList();
                slots.add(new Slot(mid, kind, receivable, direction == Direction.INACTIVE));
            }
        }
        return new Negotiated(
                Map.copyOf(codecs),
                Map.copyOf(kinds),
                Set.copyOf(pli),
                Map.copyOf(handlers),
                audioLevelId,
                midId,
                ridId,
                rridId,
                transportCcId,
                List.copyOf(sending),
                List.copyOf(slots));
    }

    /** What a track is when the tab did not name it. */
    static String defaultSource(MediaKind kind) {
        return kind == MediaKind.AUDIO ? "microphone" : "camera";
    }

    /** RTX SSRCs of the m-section, each the second of an "a=ssrc-group:FID media rtx" (RFC 5576, RFC 4588). */
    static Map<Long, Long> rtxSsrcs(MediaDescription m) {
        Map<Long, Long> rtx = new HashMap<>();
        for (String group : m.attributes("ssrc-group")) {
            String[] parts = group.trim().split("\\s+");
            if (parts.length == 3 && parts[0].equals("FID")) {
                try {
                    rtx.put(Long.parseLong(parts[2]), Long.parseLong(parts[1]));
                } catch (NumberFormatException e) {
                    // a malformed group pairs nothing: its RTX stream is not repaired, the offer still stands
                }
            }
        }
        return rtx;
    }

    /** The section's own simulcast in a=simulcast order ("send q;h;f", "send ~q,x;f"): first alternatives, unpaused. */
    static List<String> sendRids(MediaDescription m) {
        String[] words = m.simulcast().orElse("").trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i += 2) {
            if (words[i].equals("send")) {
                List<String> rids = new ArrayList<>();
                for (String stream : words[i + 1].split(";")) {
                    String first = stream.split(",")[0];
                    first = first.startsWith("~") ? first.substring(1) : first;
                    if (!first.isEmpty() && !rids.contains(first)) {
                        rids.add(first);
                    }
                }
                return List.copyOf(rids);
            }
        }
        return List.of();
    }

    /** The sending section named {@code mid}, if it is simulcast. */
    Sending simulcastSection(String mid) {
        for (Sending s : sending) {
            if (s.mid().equals(mid) && s.simulcast()) {
                return s;
            }
        }
        return null;
    }

    private static Set<Long> mediaSsrcs(MediaDescription m) {
        if (m.simulcast().isPresent()) {
            return Set.of();
        }
        Map<Long, Long> rtx = rtxSsrcs(m);
        Set<Long> media = new LinkedHashSet<>();
        for (String line : m.attributes("ssrc")) {
            String id = line.trim().split("\\s+", 2)[0];
            try {
                long ssrc = Long.parseLong(id);
                if (!rtx.containsKey(ssrc) && ssrc > 0 && ssrc <= 0xFFFFFFFFL) {
                    media.add(ssrc);
                }
            } catch (NumberFormatException e) {
                // a malformed a=ssrc names no stream; the packets will
            }
        }
        return Set.copyOf(media);
    }

    /**
     * For a publisher's payload types (index), the subscriber slot's payload type of the same codec, or -1: the
     * same name, clock rate and channels. Browsers usually agree on the numbers, but nothing says they must.
     */
    static int[] payloadTypeMap(Map<Integer, Codec> publisher, List<Codec> subscriber) {
        int[] map = new int[128];
        java.util.Arrays.fill(map, -1);
        for (Codec from : publisher.values()) {
            for (Codec to : subscriber) {
                if (from.name().equalsIgnoreCase(to.name())
                        && from.clockRate() == to.clockRate()
                        && from.channels() == to.channels()) {
                    map[from.payloadType()] = to.payloadType();
                    break;
                }
            }
        }
        return map;
    }
}
