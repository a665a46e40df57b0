package se.portvakt.organisation;

import java.time.ZoneId;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.portvakt.config.ConditionalOnEmbeddedMode;
import se.portvakt.config.PortvaktProperties;
import se.portvakt.person.PersonalIdentityNumber;

/**
 * The embedded default's demo organisation, made on the first start so a person can follow
 * the whole journey on one machine. Never present in production.
 */
@Component
@ConditionalOnEmbeddedMode
class DemoData {

    static final String HOST_EMAIL = "vard@demo.portvakt.se";
    static final String HOST_PASSWORD = "portvakt-demo-2026";
    /** Skatteverket's well-known test person, one of the BankID simulator's: the demo host logs in with it. */
    static final String HOST_TEST_PERSON = "191212121212";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Organisations organisations;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final PortvaktProperties properties;

    DemoData(
            Organisations organisations,
            StaffDirectory staff,
            ApplicationEventPublisher events,
            PortvaktProperties properties) {
        this.organisations = organisations;
        this.staff = staff;
        this.events = events;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void createOnFirstStart() {
        if (!organisations.any()) {
            Organisation demo = organisations.create("Demo kommun", ZoneId.of("Europe/Stockholm"), "sv");
            StaffUser host =
                    staff.add(demo.id(), HOST_EMAIL, "Vera Värd", EnumSet.of(Role.HOST, Role.ADMIN), HOST_PASSWORD);
            PersonalIdentityNumber.parse(HOST_TEST_PERSON)
                    .ifPresent(pin -> staff.setPersonalIdentityNumber(host.id(), pin));
            events.publishEvent(new OrganisationCreated(demo.id(), demo.name()));
        }
        if (staff.byEmail(HOST_EMAIL).isPresent()) {
            log.info("""

                    ------------------------------------------------------------------
                      Portvakt is running (embedded default, demo data) at {}
                      Log in as {} with password {}
                      or with the BankID simulator as Tolvan Tolvansson (19121212-1212)
                      Messages that would be sent: {}/dev/mailbox
                    ------------------------------------------------------------------""", properties.baseUrl(), HOST_EMAIL, HOST_PASSWORD, properties.baseUrl());
        }
    }
}
