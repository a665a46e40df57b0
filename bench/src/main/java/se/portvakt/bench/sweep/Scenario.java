package se.portvakt.bench.sweep;

/** The two shapes of load the sweep grows. */
public enum Scenario {
    /** One room of N participants, each publishing audio and video and receiving every other. */
    ROOM("room of N"),
    /** One publisher (audio and video) to N receive-only subscribers. */
    FAN_OUT("1 to N");

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
