package se.portvakt.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A booked meeting (booking's meeting table). */
public record MeetingId(@JsonValue UUID value) implements Serializable {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MeetingId {
        Objects.requireNonNull(value, "MeetingId");
    }

    /** The id of a nullable column or field: null stays null. */
    public static MeetingId of(UUID value) {
        return value == null ? null : new MeetingId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
