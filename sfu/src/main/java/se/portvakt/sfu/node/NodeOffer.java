package se.portvakt.sfu.node;

import java.util.Map;

/**
 * The body of {@code POST /meetings/{id}/participants/{pid}/offer}: a browser's offer (docs/sfu-control.md).
 *
 * @param sources the browser's own sending m-sections by mid: "microphone", "camera" or "screen"; may be absent
 */
public record NodeOffer(String offerSdp, Map<String, String> sources) {

    public NodeOffer {
        if (offerSdp == null || offerSdp.isBlank()) {
            throw new IllegalArgumentException("offerSdp is missing");
        }
        sources = sources == null ? Map.of() : Map.copyOf(sources);
    }
}
