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
import se.portvakt.config.DeploymentMode;

/** Makes the first organisation and administrator from {@link BootstrapProperties} when there is none. */
@Component
class Bootstrap {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final BootstrapProperties properties;
    private final Organisations organisations;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final DeploymentMode mode;

    Bootstrap(
            BootstrapProperties properties,
            Organisations organisations,
            StaffDirectory staff,
            ApplicationEventPublisher events,
            DeploymentMode mode) {
        this.mode = mode;
        this.properties = properties;
        this.organisations = organisations;
        this.staff = staff;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void createFirstOrganisation() {
        if (organisations.any()) {
            return;
        }
        if (!properties.requested()) {
            if (mode.embedded()) {
                return; // the embedded default makes its demo organisation (DemoData)
            }
            // nobody can log in to an empty database: say so where the operator looks first
            log.warn("No organisation exists, so nobody can log in. Set portvakt.bootstrap.organisation, "
                    + "portvakt.bootstrap.admin-email and portvakt.bootstrap.admin-password (the administrator "
                    + "must replace it at first login), or start the embedded default with its demo data. "
                    + "See docs/staff-login.md.");
            return;
        }
        if (properties.adminEmail() == null
                || properties.adminPassword() == null
                || properties.adminPassword().length() < AdminController.MIN_PASSWORD) {
            throw new IllegalStateException("portvakt.bootstrap needs admin-email and an admin-password "
                    + "of at least " + AdminController.MIN_PASSWORD + " characters");
        }
        Organisation organisation =
                organisations.create(properties.organisation().strip(), ZoneId.of(properties.timeZone()), "sv");
        StaffUser admin = staff.add(
                organisation.id(),
                properties.adminEmail(),
                properties.adminName(),
                EnumSet.of(Role.ADMIN, Role.HOST),
                properties.adminPassword());
        // the configured password sits in a file or an environment: it only opens the door to choosing one's own
        staff.requirePasswordChange(admin.id());
        events.publishEvent(new OrganisationCreated(organisation.id(), organisation.name()));
        log.info(
                "Created the first organisation '{}' with administrator {}",
                organisation.name(),
                StaffDirectory.normalise(properties.adminEmail()));
    }
}
