package se.portvakt.bench.peer;

/**
 * The synthetic media each publisher sends: VP8 at a fixed frame rate and packets per frame (a keyframe, sent
 * at the start and on every PLI or FIR, is {@code keyframeFactor} times larger), and Opus at one packet per
 * {@code audioPtimeMillis}. Sizes are RTP payload bytes; every packet also carries a 16-byte header extension
 * block (abs-send-time, transport-wide-cc, mid; audio-level for audio) as Chrome's do.
 */
public record MediaProfile(
        int videoFps,
        int videoPacketsPerFrame,
        int videoPayload,
        int keyframeFactor,
        int audioPtimeMillis,
        int audioPayload) {

    /** About 1.4 Mbit/s of video (150 packets/s) and 32 kbit/s of audio (50 packets/s): a 720p camera and a mic. */
    public static final MediaProfile CAMERA_AND_MIC = new MediaProfile(30, 5, 1100, 3, 20, 80);

    /** RTP packets per second one publisher sends outside keyframes. */
    public int packetsPerSecond() {
        return videoFps * videoPacketsPerFrame + 1000 / audioPtimeMillis;
    }

    /** Plain bits per second one publisher sends (payload plus 28 bytes of RTP header and extensions). */
    public long bitsPerSecond() {
        return 8L
                * (videoFps * videoPacketsPerFrame * (videoPayload + 28L)
                        + (1000L / audioPtimeMillis) * (audioPayload + 28L));
    }
}
