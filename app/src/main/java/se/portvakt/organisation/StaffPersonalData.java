package se.portvakt.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.portvakt.audit.PersonalDataHolder;
import se.portvakt.person.PersonalIdentityNumber;

/** A staff account of the organisation that carries the person's identity number (for e-ID login). */
@Component
class StaffPersonalData implements PersonalDataHolder {

    private final StaffDirectory staff;

    StaffPersonalData(StaffDirectory staff) {
        this.staff = staff;
    }

    @Override
    public Set<UUID> organisationsOf(PersonalIdentityNumber person) {
        return staff.byPersonalIdentityNumber(person)
                .map(user -> Set.of(user.organisationId().value()))
                .orElse(Set.of());
    }

    @Override
    public PersonalData about(UUID organisationId, PersonalIdentityNumber person) {
        List<Map<String, String>> items = staff
                .byPersonalIdentityNumber(person)
                .filter(user -> user.organisationId().value().equals(organisationId))
                .map(user -> {
                    Map<String, String> item = new LinkedHashMap<>();
                    item.put("staffAccount", user.id().toString());
                    item.put("name", user.displayName());
                    item.put("email", user.email());
                    item.put("roles", user.roles().toString());
                    item.put("identityNumber", person.masked());
                    item.put("enabled", String.valueOf(user.enabled()));
                    return item;
                })
                .stream()
                .toList();
        return new PersonalData("staffAccounts", items);
    }
}
