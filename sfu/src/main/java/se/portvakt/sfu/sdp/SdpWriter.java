package se.portvakt.sfu.sdp;

/** Writes a {@link SessionDescription} as SDP text with CRLF line ends (RFC 8866 section 5). */
public final class SdpWriter {
    private SdpWriter() {}

    public static String write(SessionDescription sdp) {
        StringBuilder out = new StringBuilder(2048);
        line(out, "v=0");
        line(out, "o=" + sdp.origin());
        line(out, "s=" + sdp.sessionName());
        line(out, "t=0 0");
        for (SdpAttribute a : sdp.attributes()) {
            line(out, a.line());
        }
        for (MediaDescription m : sdp.media()) {
            line(out, "m=" + m.kind() + " " + m.port() + " " + m.protocol() + " " + String.join(" ", m.formats()));
            if (!m.connection().isEmpty()) {
                line(out, "c=" + m.connection());
            }
            for (SdpAttribute a : m.attributes()) {
                line(out, a.line());
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append("\r\n");
    }
}
