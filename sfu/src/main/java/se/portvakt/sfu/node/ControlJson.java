package se.portvakt.sfu.node;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of the control API and its events, one mapper for both ends (node and app). */
public final class ControlJson {

    /** Fields added later on one side are ignored by the other, so a node and an app may be upgraded apart. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ControlJson() {}
}
