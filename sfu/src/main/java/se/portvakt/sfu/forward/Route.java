package se.portvakt.sfu.forward;

import java.util.Arrays;

/**
 * Where one forwarded copy goes in its subscriber's browser, as the last SDP answer placed it.
 *
 * @param mid          the subscriber's m-section carrying it, or null when it has none (yet)
 * @param payloadTypes indexed by the publisher's payload type: the subscriber's payload type for the same codec,
 *                     or -1 when the subscriber did not negotiate that codec (the packet is dropped); null to
 *                     keep payload types as they are
 * @param paused       the subscriber set its m-section inactive (low-bandwidth mode): nothing is sent
 * @param bareHeader   strip header extensions: ids are the publisher's, not the subscriber's
 */
public record Route(String mid, int[] payloadTypes, boolean paused, boolean bareHeader) {

    /** Forwarding as received, apart from SSRC, sequence numbers and timestamps (tests, non-browser peers). */
    public static final Route PASS_THROUGH = new Route(null, null, false, false);
    /** Subscribed, but the browser has no m-section for it yet: nothing is sent. */
    public static final Route HELD = new Route(null, null, true, true);

    public Route {
        payloadTypes = payloadTypes == null ? null : payloadTypes.clone();
    }

    /** Placed in a browser's m-section. */
    public static Route placed(String mid, int[] payloadTypes, boolean paused) {
        return new Route(mid, payloadTypes, paused, true);
    }

    /** The subscriber's payload type for the publisher's {@code payloadType}, -1 if none. */
    public int payloadType(int payloadType) {
        return payloadTypes == null ? payloadType : payloadTypes[payloadType & 0x7F];
    }

    public boolean flows() {
        return !paused;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Route r
                && java.util.Objects.equals(mid, r.mid)
                && Arrays.equals(payloadTypes, r.payloadTypes)
                && paused == r.paused
                && bareHeader == r.bareHeader;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(mid, Arrays.hashCode(payloadTypes), paused, bareHeader);
    }

    @Override
    public String toString() {
        return "Route[mid=" + mid + ", paused=" + paused + "]";
    }

    @Override
    public int[] payloadTypes() {
        return payloadTypes == null ? null : payloadTypes.clone();
    }
}
