package se.portvakt.bench.peer;

import java.util.concurrent.ThreadLocalRandom;
import se.portvakt.sfu.rtp.RtpFields;

/**
 * One synthetic stream a generator connection publishes: VP8 frames or Opus packets at real-time pace, each
 * packet with Chrome's header extensions and a {@link MediaTrailer}. The last packets are kept plain, so a NACK
 * is answered with the same bytes (on the same SSRC: the offers declare no RTX).
 */
public final class OutgoingStream {
    static final int VP8 = 96;
    static final int OPUS = 111;
    private static final int HISTORY = 1024;
    private static final int MAX_PACKET = 1300;
    private static final int EXTENSIONS = 16;

    private final int id;
    private final long ssrc;
    private final boolean video;
    private final String mid;
    private final MediaProfile profile;
    private final Connection connection;
    private final long frameNanos;
    private final byte[][] history = new byte[HISTORY][];
    private final int[] historyLength = new int[HISTORY];
    private final int[] historySeq = new int[HISTORY];
    private final byte[] scratch = new byte[MAX_PACKET + 32];
    private int seq = ThreadLocalRandom.current().nextInt(0x10000);
    private long timestamp = ThreadLocalRandom.current().nextLong(0x1_0000_0000L);
    private int index;
    private int pictureId = ThreadLocalRandom.current().nextInt(0x8000);
    private long nextFrameAt;
    private long frameStartedAt;
    private final long packetSpacingNanos;
    private int framePackets;
    private int framePacketsLeft;
    private boolean frameIsKey;
    private volatile boolean keyframeWanted = true;
    private long keyframes;
    private long resent;

    OutgoingStream(int id, long ssrc, boolean video, String mid, MediaProfile profile, Connection connection) {
        this.id = id;
        this.ssrc = ssrc;
        this.video = video;
        this.mid = mid;
        this.profile = profile;
        this.connection = connection;
        this.frameNanos = video ? 1_000_000_000L / profile.videoFps() : profile.audioPtimeMillis() * 1_000_000L;
        // Chrome paces at 2.5 x the target rate: one packet's bits at that rate
        long videoBits = 8L * profile.videoFps() * profile.videoPacketsPerFrame() * (profile.videoPayload() + 28L);
        this.packetSpacingNanos = 8L * (profile.videoPayload() + 28L) * 1_000_000_000L * 10 / (25 * videoBits);
    }

    public int id() {
        return id;
    }

    public long ssrc() {
        return ssrc;
    }

    public boolean video() {
        return video;
    }

    public String mid() {
        return mid;
    }

    Connection connection() {
        return connection;
    }

    /** Packets sent so far, retransmissions not counted: the next packet's index. */
    public synchronized int sentCount() {
        return index;
    }

    synchronized long keyframes() {
        return keyframes;
    }

    synchronized long resent() {
        return resent;
    }

    void start(long at) {
        nextFrameAt = at;
    }

    long nextFrameAt() {
        return nextFrameAt;
    }

    /**
     * Sends every packet due by {@code now}; a late sender catches up rather than dropping frames. Video packets
     * of one frame are paced as Chrome's pacer spreads them (at 2.5 times the stream's rate), not sent in one burst.
     */
    synchronized void sendDue(long now) {
        while (nextFrameAt <= now) {
            if (!video) {
                sendAudio();
                nextFrameAt += frameNanos;
                continue;
            }
            if (framePacketsLeft == 0) {
                startVideoFrame();
                frameStartedAt = nextFrameAt;
            }
            sendVideoPacket();
            if (framePacketsLeft == 0) {
                nextFrameAt = frameStartedAt + frameNanos;
                timestamp += 90_000 / profile.videoFps();
            } else {
                nextFrameAt += packetSpacingNanos;
            }
        }
    }

    void requestKeyframe() {
        keyframeWanted = true;
    }

    private void startVideoFrame() {
        frameIsKey = keyframeWanted;
        keyframeWanted = false;
        if (frameIsKey) {
            keyframes++;
        }
        framePackets = profile.videoPacketsPerFrame() * (frameIsKey ? profile.keyframeFactor() : 1);
        framePacketsLeft = framePackets;
        pictureId = (pictureId + 1) & 0x7FFF;
    }

    private void sendVideoPacket() {
        boolean first = framePacketsLeft == framePackets;
        framePacketsLeft--;
        int at = header(framePacketsLeft == 0);
        // VP8 payload descriptor (RFC 7741): X, S on the first packet, PID 0; I; 15-bit picture id
        scratch[at] = (byte) (0x80 | (first ? 0x10 : 0));
        scratch[at + 1] = (byte) 0x80;
        scratch[at + 2] = (byte) (0x80 | (pictureId >> 8));
        scratch[at + 3] = (byte) pictureId;
        int payload = at + 4;
        int end = at + profile.videoPayload();
        fill(payload, end);
        if (first) {
            // frame tag (RFC 6386 9.1): P (0 = key frame), version 0, show_frame, first partition size
            int tag = (frameIsKey ? 0 : 1) | 0x10 | (600 << 5);
            scratch[payload] = (byte) tag;
            scratch[payload + 1] = (byte) (tag >> 8);
            scratch[payload + 2] = (byte) (tag >> 16);
            if (frameIsKey) { // start code and 640x480
                scratch[payload + 3] = (byte) 0x9d;
                scratch[payload + 4] = 0x01;
                scratch[payload + 5] = 0x2a;
                scratch[payload + 6] = (byte) 0x80;
                scratch[payload + 7] = 0x02;
                scratch[payload + 8] = (byte) 0xe0;
                scratch[payload + 9] = 0x01;
            }
        }
        finish(end);
    }

    private void sendAudio() {
        int at = header(false);
        scratch[at] = (byte) 0x78; // Opus TOC: CELT fullband 20 ms, one frame
        int end = at + profile.audioPayload();
        fill(at + 1, end);
        finish(end);
        timestamp += 48 * profile.audioPtimeMillis();
    }

    /** Writes the RTP header and extension block; returns where the payload starts. */
    private int header(boolean marker) {
        scratch[0] = (byte) 0x90; // V=2, X=1
        RtpFields.setPayloadType(scratch, 0, video ? VP8 : OPUS);
        RtpFields.setMarker(scratch, 0, marker);
        RtpFields.setSequenceNumber(scratch, 0, seq);
        RtpFields.setTimestamp(scratch, 0, timestamp & 0xFFFFFFFFL);
        RtpFields.setSsrc(scratch, 0, ssrc);
        int at = 12;
        scratch[at++] = (byte) 0xBE;
        scratch[at++] = (byte) 0xDE;
        scratch[at++] = 0;
        scratch[at++] = 3; // 12 bytes of elements
        int start = at;
        if (!video) {
            scratch[at++] = 0x10; // id 1 audio level, 1 byte: voice, -30 dBov
            scratch[at++] = (byte) (0x80 | 30);
        }
        long abs = (System.nanoTime() / 1000 * 262_144 / 1_000_000) & 0xFFFFFF; // 6.18 fixed point seconds
        scratch[at++] = 0x22; // id 2 abs-send-time, 3 bytes
        scratch[at++] = (byte) (abs >> 16);
        scratch[at++] = (byte) (abs >> 8);
        scratch[at++] = (byte) abs;
        int twcc = connection.nextTransportSequence();
        scratch[at++] = 0x31; // id 3 transport-wide seq, 2 bytes
        scratch[at++] = (byte) (twcc >> 8);
        scratch[at++] = (byte) twcc;
        scratch[at++] = 0x40; // id 4 mid, 1 byte
        scratch[at++] = (byte) mid.charAt(0);
        while (at < start + 12) {
            scratch[at++] = 0;
        }
        return at;
    }

    private void fill(int from, int to) {
        for (int i = from; i < to; i++) {
            scratch[i] = (byte) (i * 7 + seq);
        }
    }

    private void finish(int end) {
        MediaTrailer.write(scratch, end, id, index, System.nanoTime());
        int slot = seq & (HISTORY - 1);
        if (history[slot] == null) {
            history[slot] = new byte[MAX_PACKET + 32];
        }
        System.arraycopy(scratch, 0, history[slot], 0, end);
        historyLength[slot] = end;
        historySeq[slot] = seq;
        connection.sendRtp(scratch, end);
        seq = (seq + 1) & 0xFFFF;
        index++;
    }

    /** A NACK from the server: the same packet again, if still held. */
    synchronized void resend(int lostSeq) {
        int slot = lostSeq & (HISTORY - 1);
        if (history[slot] != null && historySeq[slot] == lostSeq) {
            int len = historyLength[slot];
            System.arraycopy(history[slot], 0, scratch, 0, len);
            connection.sendRtp(scratch, len);
            resent++;
        }
    }
}
