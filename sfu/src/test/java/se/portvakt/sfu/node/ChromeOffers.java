package se.portvakt.sfu.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Offers made from the unified-plan offer captured from headless Chromium 156 (sdp/chrome-156-offer.sdp). */
final class ChromeOffers {
    private ChromeOffers() {}

    /** As captured: audio and simulcast video, sending. */
    static String captured() {
        try (InputStream in = ChromeOffers.class.getResourceAsStream("/sdp/chrome-156-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same browser asking only to receive: an audio and a video slot, nothing of its own. */
    static String receiving() {
        return withoutLines(captured(), "a=rid:", "a=simulcast:", "a=ssrc", "a=msid:")
                .replace("a=sendonly", "a=recvonly");
    }

    private static String withoutLines(String sdp, String... prefixes) {
        StringBuilder out = new StringBuilder();
        for (String line : sdp.split("\r\n")) {
            if (Arrays.stream(prefixes).noneMatch(line::startsWith)) {
                out.append(line).append("\r\n");
            }
        }
        return out.toString();
    }
}
