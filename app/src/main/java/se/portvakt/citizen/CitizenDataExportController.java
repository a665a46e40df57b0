package se.portvakt.citizen;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.audit.PersonalDataExport;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.ids.OrganisationId;
import se.portvakt.organisation.Organisation;
import se.portvakt.organisation.Organisations;
import se.portvakt.person.PersonalIdentityNumber;
import se.portvakt.person.PinVault;

/**
 * "Download what Portvakt holds about me" (GDPR art. 15): the logged-in citizen's own data in every organisation that
 * holds any, through the administrator's person export; only ever the number the e-ID vouched for in this session.
 * Each organisation's log records that it was handed out, and to whom.
 */
@Controller
class CitizenDataExportController {

    private final PersonalDataExport export;
    private final Organisations organisations;
    private final PinVault pins;
    private final AuditLog audit;
    private final Clock clock;

    CitizenDataExportController(
            PersonalDataExport export, Organisations organisations, PinVault pins, AuditLog audit, Clock clock) {
        this.export = export;
        this.organisations = organisations;
        this.pins = pins;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping(CitizenPortalController.BASE + "/mina-uppgifter")
    ResponseEntity<String> myData(HttpServletRequest request) {
        CitizenSession citizen = CitizenSession.of(request).orElse(null);
        if (citizen == null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .header(HttpHeaders.LOCATION, CitizenPortalController.BASE)
                    .build();
        }
        PersonalIdentityNumber person = pins.decrypt(citizen.pinEncrypted());
        Set<UUID> holding = export.organisationsHolding(person);
        List<Map<String, Object>> parts = new ArrayList<>();
        for (UUID organisationId : holding) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put(
                    "organisationName",
                    organisations
                            .find(new OrganisationId(organisationId))
                            .map(Organisation::name)
                            .orElse(null));
            part.putAll(export.document(organisationId, person));
            parts.add(part);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("identityNumber", person.masked());
        document.put("name", citizen.name());
        document.put("loggedInWith", citizen.method().name() + (citizen.simulated() ? " (SIMULATED)" : ""));
        document.put("exportedAt", clock.instant().toString());
        document.put("organisations", parts);
        String body = PersonalDataExport.write(document);
        // recorded in every organisation whose data left; with none, in the service's own log
        for (UUID organisationId : holding.isEmpty() ? java.util.Collections.<UUID>singleton(null) : holding) {
            audit.record(AuditEntry.of(
                            OrganisationId.of(organisationId), AuditAction.PERSON_DATA_EXPORTED, AuditActor.PERSON)
                    .person(person)
                    .evidence(citizen.method(), AssuranceLevel.LOA3, citizen.simulated())
                    .detail("through", "my meetings"));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("portvakt-mina-uppgifter.json")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(body);
    }
}
