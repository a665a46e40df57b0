package se.portvakt.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A staff member (a host or an administrator) of an organisation. */
public record StaffId(@JsonValue UUID value) implements Serializable {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public StaffId {
        Objects.requireNonNull(value, "StaffId");
    }

    /** The id of a nullable column or field: null stays null. */
    public static StaffId of(UUID value) {
        return value == null ? null : new StaffId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
