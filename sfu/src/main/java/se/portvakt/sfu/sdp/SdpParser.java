package se.portvakt.sfu.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses SDP text. Strict about what the SFU relies on (line syntax, m= lines, numbers in
 * the attributes it reads), lenient about the rest: unknown lines and attributes are kept.
 */
public final class SdpParser {
    private SdpParser() {}

    public static SessionDescription parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SdpParseException("empty SDP");
        }
        String origin = null;
        String sessionName = "-";
        List<SdpAttribute> sessionAttributes = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        MediaBuilder current = null;
        boolean sawVersion = false;
        for (String raw : text.split("\r?\n")) {
            if (raw.isEmpty()) {
                continue;
            }
            if (raw.length() < 2 || raw.charAt(1) != '=') {
                throw new SdpParseException("not a type=value line: " + raw);
            }
            char type = raw.charAt(0);
            String value = raw.substring(2);
            if (!sawVersion) {
                if (type != 'v' || !value.equals("0")) {
                    throw new SdpParseException("SDP must start with v=0");
                }
                sawVersion = true;
                continue;
            }
            switch (type) {
                case 'o':
                    origin = value;
                    break;
                case 's':
                    sessionName = value;
                    break;
                case 'm':
                    if (current != null) {
                        media.add(current.build());
                    }
                    current = new MediaBuilder(value);
                    break;
                case 'c':
                    if (current != null) {
                        current.connection = value;
                    }
                    break;
                case 'a':
                    if (current != null) {
                        current.attributes.add(SdpAttribute.parse(value));
                    } else {
                        sessionAttributes.add(SdpAttribute.parse(value));
                    }
                    break;
                default:
                    break; // t=, b=, i=, u=, e=, p=, k=, r=, z=: nothing the SFU uses
            }
        }
        if (current != null) {
            media.add(current.build());
        }
        if (origin == null) {
            throw new SdpParseException("missing o= line");
        }
        SessionDescription sdp =
                new SessionDescription(origin, sessionName, List.copyOf(sessionAttributes), List.copyOf(media));
        for (MediaDescription m : sdp.media()) {
            // Fail now on malformed values the SFU will read later.
            m.codecs();
            m.extmaps();
            m.rids();
            sdp.fingerprint(m);
        }
        return sdp;
    }

    private static final class MediaBuilder {
        final String kind;
        final int port;
        final String protocol;
        final List<String> formats;
        String connection = "";
        final List<SdpAttribute> attributes = new ArrayList<>();

        MediaBuilder(String mLine) {
            String[] parts = mLine.trim().split("\\s+");
            if (parts.length < 4) {
                throw new SdpParseException("bad m= line: " + mLine);
            }
            kind = parts[0];
            String port = parts[1].contains("/") ? parts[1].substring(0, parts[1].indexOf('/')) : parts[1];
            this.port = MediaDescription.number(port, "port");
            protocol = parts[2];
            formats = List.copyOf(Arrays.asList(parts).subList(3, parts.length));
        }

        MediaDescription build() {
            return new MediaDescription(kind, port, protocol, formats, connection, List.copyOf(attributes));
        }
    }
}
