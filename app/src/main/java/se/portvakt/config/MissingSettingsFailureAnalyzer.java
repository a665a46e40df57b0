package se.portvakt.config;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports missing production settings as Spring Boot reports start-up failures: what is wrong, what to do. */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        String description = "Portvakt runs in production (spring.datasource.url is not H2) and cannot start:\n"
                + cause.problems().stream()
                        .map(p -> "    - " + p.property() + " " + p.problem())
                        .collect(Collectors.joining("\n"));
        String action = "Set these properties (application.properties, environment variables such as "
                + "PORTVAKT_PUBLIC_URL, or --name=value; see docs/operations.md):\n"
                + cause.problems().stream()
                        .map(p -> "    - " + p.property() + ": " + p.wanted())
                        .collect(Collectors.joining("\n"));
        return new FailureAnalysis(description, action, cause);
    }
}
