package se.portvakt.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.portvakt.config.DeploymentMode;

/** An empty production database without bootstrap settings says, at start-up, that nobody can log in. */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapWarningTest {

    /** Organisations of an empty database. */
    private static final class NoOrganisations extends Organisations {
        NoOrganisations() {
            super(null, null);
        }

        @Override
        public boolean any() {
            return false;
        }
    }

    private static final BootstrapProperties UNSET = new BootstrapProperties(null, null, "Administratör", null,
            "Europe/Stockholm");

    @Test
    void productionWithNoOrganisationAndNoBootstrapSettingsWarns(CapturedOutput output) {
        new Bootstrap(UNSET, new NoOrganisations(), null, event -> { }, DeploymentMode.PRODUCTION)
                .createFirstOrganisation();
        assertThat(output.getOut() + output.getErr()).contains("WARN")
                .contains("No organisation exists, so nobody can log in").contains("portvakt.bootstrap.organisation");
    }

    @Test
    void theEmbeddedDefaultLeavesItToItsDemoData(CapturedOutput output) {
        new Bootstrap(UNSET, new NoOrganisations(), null, event -> { }, DeploymentMode.EMBEDDED)
                .createFirstOrganisation();
        assertThat(output.getOut() + output.getErr()).doesNotContain("nobody can log in");
    }
}
