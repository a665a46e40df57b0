package se.portvakt;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each top-level package is a feature module; only its root package is open to the others, and no cycles. */
class ModuleStructureTest {

    @Test
    void featuresDependOnlyOnEachOthersPublicRootsAndFormNoCycles() {
        ApplicationModules.of(PortvaktApplication.class).verify();
    }
}
