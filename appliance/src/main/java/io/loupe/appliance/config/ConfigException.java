package io.loupe.appliance.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The configuration file is missing, unreadable or has problems; {@link #problems()} lists every one. */
public class ConfigException extends Exception {
    private final transient List<ConfigProblem> problems;

    public ConfigException(Path file, List<ConfigProblem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + file + ":\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
