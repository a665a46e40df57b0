package se.portvakt.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** An organisation: the tenant every meeting, staff member, room and audit chain belongs to. */
public record OrganisationId(@JsonValue UUID value) implements Serializable {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OrganisationId {
        Objects.requireNonNull(value, "OrganisationId");
    }

    /** The id of a nullable column or field: null stays null. */
    public static OrganisationId of(UUID value) {
        return value == null ? null : new OrganisationId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
