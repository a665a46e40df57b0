package se.portvakt.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** An invitation to a meeting: the guest it names, known by their link before they identify. */
public record InviteeId(@JsonValue UUID value) implements Serializable {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public InviteeId {
        Objects.requireNonNull(value, "InviteeId");
    }

    /** The id of a nullable column or field: null stays null. */
    public static InviteeId of(UUID value) {
        return value == null ? null : new InviteeId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
