package se.portvakt.bench.sweep;

/** The shapes of load the sweep grows. */
public enum Scenario {
    /** One room of N participants, each publishing audio and video and receiving every other. */
    ROOM("room of N", "N"),
    /** One publisher (audio and video) to N receive-only subscribers. */
    FAN_OUT("1 to N", "N"),
    /**
     * M meetings at once, each a {@link #ROOM} of {@link #MEETING_SIZE}: the load a server spreads over its cores
     * (Portvakt places each meeting whole on one packet loop, Janus runs each as its own VideoRoom).
     */
    ROOMS("M rooms of " + Scenario.MEETING_SIZE, "M");

    /** Participants in each meeting of {@link #ROOMS}. */
    public static final int MEETING_SIZE = 8;

    private final String label;
    private final String variable;

    Scenario(String label, String variable) {
        this.label = label;
        this.variable = variable;
    }

    public String label() {
        return label;
    }

    /** What a point's size counts: "N" (participants or subscribers) or "M" (meetings). */
    public String variable() {
        return variable;
    }

    /** One point named for tables, e.g. "1 to N, N=400" or "M rooms of 8, M=4". */
    public String point(int size) {
        return label + ", " + variable + "=" + size;
    }
}
