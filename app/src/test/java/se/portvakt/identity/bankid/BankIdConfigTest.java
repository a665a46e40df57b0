package se.portvakt.identity.bankid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import se.portvakt.identity.EidProvider;
import se.portvakt.identity.bankid.simulator.SimulatorAddress;

/** Without a base URL and with the simulators off there is no BankID at all: not offered, nothing to configure. */
class BankIdConfigTest {

    @Test
    void noBaseUrlAndNoSimulatorsMeansNoBankIdProvider() {
        new ApplicationContextRunner()
                .withUserConfiguration(BankIdConfig.class)
                .withPropertyValues("portvakt.identity.simulators=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(EidProvider.class);
                    assertThat(context).doesNotHaveBean(SimulatorAddress.class);
                });
    }
}
