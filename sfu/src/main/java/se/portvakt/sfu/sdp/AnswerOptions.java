package se.portvakt.sfu.sdp;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import se.portvakt.sfu.ice.IceCredentials;

/**
 * What the SFU puts into, or accepts for, an answer. The supported sets name codecs and
 * extensions, never payload types or ids: those are always taken from the offer.
 *
 * @param candidates    the SFU's host candidates (ICE-lite gathers nothing else); the first is the m= line's
 * @param codecNames    encoding names accepted, case-insensitive ("opus", "VP8"); RTX follows its codec
 * @param extensionUris header extension URIs accepted
 * @param feedback      rtcp-fb values accepted ("nack", "nack pli", ...)
 * @param version       the o= line's session version: one more for each new answer in the same session
 */
public record AnswerOptions(
        IceCredentials ice,
        Fingerprint fingerprint,
        List<HostCandidate> candidates,
        long sessionId,
        Set<String> codecNames,
        Set<String> extensionUris,
        Set<String> feedback,
        long version) {

    public static final Set<String> DEFAULT_CODECS = Set.of("opus", "vp8");
    /** The transport-wide sequence number extension (draft-holmer-rmcat-transport-wide-cc-extensions-01). */
    public static final String TRANSPORT_CC_URI =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    /**
     * Transport-wide congestion control is not answered by default ({@link #withTransportCc} turns it on): with it,
     * Chrome's send-side estimator held a publisher at 90 kbit/s on the loaded test machine.
     */
    public static final Set<String> DEFAULT_EXTENSIONS = Set.of(
            "urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "urn:ietf:params:rtp-hdrext:sdes:mid",
            "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
            "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id");

    public static final Set<String> DEFAULT_FEEDBACK = Set.of("nack", "nack pli", "ccm fir", "goog-remb");

    public AnswerOptions {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("an ICE-lite answer needs at least one host candidate");
        }
        codecNames = codecNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        candidates = List.copyOf(candidates);
        extensionUris = Set.copyOf(extensionUris);
        feedback = Set.copyOf(feedback);
    }

    /** Opus and VP8 with the extensions and feedback the SFU implements or will. */
    public static AnswerOptions defaults(
            IceCredentials ice, Fingerprint fingerprint, List<HostCandidate> candidates, long sessionId) {
        return new AnswerOptions(
                ice, fingerprint, candidates, sessionId, DEFAULT_CODECS, DEFAULT_EXTENSIONS, DEFAULT_FEEDBACK, 2);
    }

    /**
     * The same options answering transport-wide congestion control where offered: the SFU then sends its feedback
     * ({@code twcc.TransportCcReceiver}) and such a section's REMB is left out, since Chrome's send-side estimator
     * would take every REMB as a cap on what the feedback lets it send.
     */
    public AnswerOptions withTransportCc() {
        Set<String> extensions = new java.util.HashSet<>(extensionUris);
        extensions.add(TRANSPORT_CC_URI);
        Set<String> fb = new java.util.HashSet<>(feedback);
        fb.add("transport-cc");
        return new AnswerOptions(ice, fingerprint, candidates, sessionId, codecNames, extensions, fb, version);
    }

    /** The same options for a later answer in the same session. */
    public AnswerOptions withVersion(long next) {
        return new AnswerOptions(ice, fingerprint, candidates, sessionId, codecNames, extensionUris, feedback, next);
    }

    /**
     * Whether {@code m} gets transport-wide congestion control: we support it, and the section offers both its
     * extension and its rtcp-fb (one without the other is of no use to either side).
     */
    boolean transportCc(MediaDescription m) {
        return feedback.contains("transport-cc")
                && extensionUris.contains(TRANSPORT_CC_URI)
                && m.extmaps().stream().anyMatch(e -> e.uri().equals(TRANSPORT_CC_URI))
                && m.codecs().stream().anyMatch(c -> c.feedback().contains("transport-cc"));
    }

    boolean supportsCodec(String name) {
        return codecNames.contains(name.toLowerCase(Locale.ROOT));
    }
}
