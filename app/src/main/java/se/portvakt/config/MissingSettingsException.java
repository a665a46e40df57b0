package se.portvakt.config;

import java.util.List;
import java.util.stream.Collectors;

/** Production was started without settings it needs; {@link MissingSettingsFailureAnalyzer} explains it. */
class MissingSettingsException extends IllegalStateException {

    private final List<ProductionSettings.SettingProblem> problems;

    MissingSettingsException(List<ProductionSettings.SettingProblem> problems) {
        super(problems.stream().map(p -> p.property() + " " + p.problem()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    List<ProductionSettings.SettingProblem> problems() {
        return problems;
    }
}
