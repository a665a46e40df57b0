package se.portvakt.sfu.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One m-section: the m= line, its c= line, and its attributes in order. Typed views
 * (codecs, extmaps, rids, ...) are read from the attributes on demand; the parser calls each
 * once so that a malformed value fails at parse time, not later.
 *
 * @param formats    payload types for RTP, "webrtc-datachannel" for SCTP
 * @param connection the c= value, e.g. "IN IP4 0.0.0.0", or empty
 */
public record MediaDescription(
        String kind,
        int port,
        String protocol,
        List<String> formats,
        String connection,
        List<SdpAttribute> attributes) {

    public Optional<String> attribute(String name) {
        return attributes.stream()
                .filter(a -> a.name().equals(name))
                .map(SdpAttribute::value)
                .findFirst();
    }

    public List<String> attributes(String name) {
        return attributes.stream()
                .filter(a -> a.name().equals(name))
                .map(SdpAttribute::value)
                .toList();
    }

    public boolean has(String name) {
        return attribute(name).isPresent();
    }

    public Optional<String> mid() {
        return attribute("mid");
    }

    /** sendrecv when none is given (RFC 8866 section 6.7). */
    public Direction direction() {
        for (SdpAttribute a : attributes) {
            Direction d = Direction.fromAttribute(a.name());
            if (d != null) {
                return d;
            }
        }
        return Direction.SENDRECV;
    }

    public boolean isRtp() {
        return protocol.contains("RTP");
    }

    public boolean rejected() {
        return port == 0;
    }

    /** Codecs in m-line order; a payload type without rtpmap (static types such as 0, 8) gets name "". */
    public List<Codec> codecs() {
        if (!isRtp()) {
            return List.of();
        }
        Map<Integer, String[]> rtpmaps = new LinkedHashMap<>();
        for (String v : attributes("rtpmap")) {
            String[] parts = v.split(" ", 2);
            if (parts.length != 2) {
                throw new SdpParseException("bad a=rtpmap: " + v);
            }
            String[] map = parts[1].trim().split("/");
            if (map.length == 0 || map[0].isEmpty()) {
                throw new SdpParseException("bad a=rtpmap: " + v); // "/" splits into nothing: no encoding name
            }
            rtpmaps.put(payloadType(parts[0]), map);
        }
        Map<Integer, String> fmtps = new LinkedHashMap<>();
        for (String v : attributes("fmtp")) {
            String[] parts = v.split(" ", 2);
            fmtps.put(payloadType(parts[0]), parts.length == 2 ? parts[1].trim() : "");
        }
        Map<Integer, List<String>> feedback = new LinkedHashMap<>();
        for (String v : attributes("rtcp-fb")) {
            String[] parts = v.split(" ", 2);
            if (parts.length != 2) {
                throw new SdpParseException("bad a=rtcp-fb: " + v);
            }
            if (!parts[0].equals("*")) {
                feedback.computeIfAbsent(payloadType(parts[0]), k -> new ArrayList<>())
                        .add(parts[1].trim());
            }
        }
        List<Codec> codecs = new ArrayList<>();
        for (String format : formats) {
            int pt = payloadType(format);
            String[] map = rtpmaps.get(pt);
            String name = map != null ? map[0] : "";
            int clock = map != null && map.length > 1 ? number(map[1], "clock rate") : 0;
            int channels = map != null && map.length > 2 ? number(map[2], "channels") : 0;
            codecs.add(new Codec(
                    pt,
                    name,
                    clock,
                    channels,
                    fmtps.getOrDefault(pt, ""),
                    List.copyOf(feedback.getOrDefault(pt, List.of()))));
        }
        return List.copyOf(codecs);
    }

    public List<Extmap> extmaps() {
        List<Extmap> out = new ArrayList<>();
        for (String v : attributes("extmap")) {
            String[] parts = v.trim().split("\\s+");
            if (parts.length < 2) {
                throw new SdpParseException("bad a=extmap: " + v);
            }
            String id = parts[0].contains("/") ? parts[0].substring(0, parts[0].indexOf('/')) : parts[0];
            int n = number(id, "extmap id");
            if (n < 1 || n > 255) {
                throw new SdpParseException("extmap id out of range: " + v);
            }
            out.add(new Extmap(n, parts[1]));
        }
        return List.copyOf(out);
    }

    public List<Rid> rids() {
        List<Rid> out = new ArrayList<>();
        for (String v : attributes("rid")) {
            String[] parts = v.trim().split(" ", 3);
            if (parts.length < 2 || !(parts[1].equals("send") || parts[1].equals("recv"))) {
                throw new SdpParseException("bad a=rid: " + v);
            }
            out.add(new Rid(parts[0], parts[1], parts.length == 3 ? parts[2] : ""));
        }
        return List.copyOf(out);
    }

    /** The a=simulcast value, e.g. "send q;h;f". */
    public Optional<String> simulcast() {
        return attribute("simulcast");
    }

    static int payloadType(String text) {
        int pt = number(text, "payload type");
        if (pt < 0 || pt > 127) {
            throw new SdpParseException("payload type out of range: " + text);
        }
        return pt;
    }

    static int number(String text, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new SdpParseException("bad " + what + ": " + text);
        }
    }
}
