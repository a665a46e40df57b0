package se.portvakt.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.portvakt.config.DeploymentMode;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.StaffId;

/**
 * An empty production database without bootstrap settings says, at start-up, that nobody can log in; with them,
 * the first administrator must replace the configured password at first login (StaffLifecycleIT shows the gate).
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapWarningTest {

    /** Organisations of an empty database. */
    private static class NoOrganisations extends Organisations {
        NoOrganisations() {
            super(null, null);
        }

        @Override
        public boolean any() {
            return false;
        }
    }

    private static final BootstrapProperties UNSET =
            new BootstrapProperties(null, null, "Administratör", null, "Europe/Stockholm");

    @Test
    void productionWithNoOrganisationAndNoBootstrapSettingsWarns(CapturedOutput output) {
        new Bootstrap(UNSET, new NoOrganisations(), null, event -> {}, DeploymentMode.PRODUCTION)
                .createFirstOrganisation();
        assertThat(output.getOut() + output.getErr())
                .contains("WARN")
                .contains("No organisation exists, so nobody can log in")
                .contains("portvakt.bootstrap.organisation");
    }

    @Test
    void theEmbeddedDefaultLeavesItToItsDemoData(CapturedOutput output) {
        new Bootstrap(UNSET, new NoOrganisations(), null, event -> {}, DeploymentMode.EMBEDDED)
                .createFirstOrganisation();
        assertThat(output.getOut() + output.getErr()).doesNotContain("nobody can log in");
    }

    @Test
    void theBootstrapAdministratorMustChooseTheirOwnPasswordAtFirstLogin() {
        List<StaffId> mustChange = new ArrayList<>();
        UUID adminId = UUID.randomUUID();
        StaffDirectory staff = new StaffDirectory(null, null, null, null) {
            @Override
            public StaffUser add(
                    OrganisationId organisationId, String email, String displayName, Set<Role> roles, String password) {
                return new StaffUser(
                        new StaffId(adminId), organisationId, email, displayName, "hash", roles, true, false);
            }

            @Override
            public void requirePasswordChange(StaffId staffId) {
                mustChange.add(staffId);
            }
        };
        Organisations empty = new NoOrganisations() {
            @Override
            public Organisation create(String name, ZoneId zone, String defaultLanguage) {
                return new Organisation(new OrganisationId(UUID.randomUUID()), name, zone, defaultLanguage, null);
            }
        };
        BootstrapProperties settings = new BootstrapProperties(
                "Region Exempel", "admin@region.example", "Administratör", "a configured password", "Europe/Stockholm");

        new Bootstrap(settings, empty, staff, event -> {}, DeploymentMode.PRODUCTION).createFirstOrganisation();

        assertThat(mustChange).containsExactly(new StaffId(adminId));
    }
}
