package se.portvakt.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Someone who came to a meeting (a guest or a host), from their arrival in the lobby. */
public record ParticipantId(@JsonValue UUID value) implements Serializable {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ParticipantId {
        Objects.requireNonNull(value, "ParticipantId");
    }

    /** The id of a nullable column or field: null stays null. */
    public static ParticipantId of(UUID value) {
        return value == null ? null : new ParticipantId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
