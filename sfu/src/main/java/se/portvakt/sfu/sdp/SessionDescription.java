package se.portvakt.sfu.sdp;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A parsed SDP (RFC 8866) as WebRTC uses it: one session, several m-sections, usually bundled.
 *
 * @param origin     the o= value
 * @param attributes session-level attributes in order
 */
public record SessionDescription(
        String origin, String sessionName, List<SdpAttribute> attributes, List<MediaDescription> media) {

    public Optional<String> attribute(String name) {
        return attributes.stream()
                .filter(a -> a.name().equals(name))
                .map(SdpAttribute::value)
                .findFirst();
    }

    /** Mids of the first a=group:BUNDLE (RFC 8843), empty without one. */
    public List<String> bundleMids() {
        return attributes.stream()
                .filter(a -> a.name().equals("group") && a.value().startsWith("BUNDLE"))
                .findFirst()
                .map(a -> Arrays.stream(
                                a.value().substring("BUNDLE".length()).trim().split("\\s+"))
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    public boolean iceLite() {
        return attribute("ice-lite").isPresent();
    }

    /** A media-level attribute, falling back to the session level (ice-ufrag, ice-pwd, fingerprint, setup). */
    public Optional<String> effective(MediaDescription m, String name) {
        return m.attribute(name).or(() -> attribute(name));
    }

    public Optional<String> iceUfrag(MediaDescription m) {
        return effective(m, "ice-ufrag");
    }

    public Optional<String> icePwd(MediaDescription m) {
        return effective(m, "ice-pwd");
    }

    public Optional<Fingerprint> fingerprint(MediaDescription m) {
        return effective(m, "fingerprint").map(Fingerprint::parse);
    }

    public Optional<String> setup(MediaDescription m) {
        return effective(m, "setup");
    }
}
