package io.loupe.appliance.cli;

import io.loupe.appliance.config.AppliancePlan;
import io.loupe.appliance.config.ConfigException;
import io.loupe.appliance.config.ConfigValidator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code validate --config PATH}: checks a configuration (and loads its models) without starting anything. */
public final class ValidateCommand implements Command {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String usage() {
        return "validate --config PATH        check a configuration file; exit 1 listing every problem";
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws UsageException, ConfigException {
        Args args = Args.parse(argv, Set.of("--config"), Set.of());
        Path file = args.path("--config", RunCommand.DEFAULT_CONFIG);
        AppliancePlan plan = ConfigValidator.check(file, true);
        out.printf("%s is valid: %d camera(s), %d model(s), %d pipeline(s) enabled%n", file,
                plan.cameras().size(), plan.models().size(), plan.pipelines().size());
        return 0;
    }
}
