package se.portvakt.sfu.forward;

/** Audio or video, with the RTP clock of the codecs the SFU answers (Opus 48 kHz, VP8 90 kHz). */
public enum MediaKind {
    AUDIO(48_000),
    VIDEO(90_000);

    private final int clockRate;

    MediaKind(int clockRate) {
        this.clockRate = clockRate;
    }

    public int clockRate() {
        return clockRate;
    }

    public String sdpName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
