package se.portvakt.sfu.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A unified-plan offer captured from headless Chromium 156: audio, simulcast (q/h/f) video, a data channel. */
final class ChromeOffer {
    private ChromeOffer() {}

    static String text() {
        try (InputStream in = ChromeOffer.class.getResourceAsStream("/sdp/chrome-156-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
