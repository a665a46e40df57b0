package se.portvakt.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One of an organisation's rooms, in which meetings are booked. */
public record RoomId(@JsonValue UUID value) implements Serializable {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RoomId {
        Objects.requireNonNull(value, "RoomId");
    }

    /** The id of a nullable column or field: null stays null. */
    public static RoomId of(UUID value) {
        return value == null ? null : new RoomId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
