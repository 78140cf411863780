package io.loupe.appliance;

import io.loupe.appliance.cli.BenchCommand;
import io.loupe.appliance.cli.Command;
import io.loupe.appliance.cli.EvaluateCommand;
import io.loupe.appliance.cli.InferCommand;
import io.loupe.appliance.cli.ModelsCommand;
import io.loupe.appliance.cli.RemeasureCommand;
import io.loupe.appliance.cli.RunCommand;
import io.loupe.appliance.cli.SamplesCommand;
import io.loupe.appliance.cli.TeachCommand;
import io.loupe.appliance.cli.UsageException;
import io.loupe.appliance.cli.ValidateCommand;
import io.loupe.appliance.config.ConfigException;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar loupe.jar [COMMAND] [FLAGS]}: {@code run} (default), {@code validate}, {@code infer},
 * {@code samples}, {@code teach}, {@code bench}, {@code models}, {@code evaluate}, {@code remeasure}.
 */
public final class Loupe {
    static final List<Command> COMMANDS = List.of(new RunCommand(), new ValidateCommand(), new InferCommand(),
            new SamplesCommand(), new TeachCommand(), new BenchCommand(), new ModelsCommand(), new EvaluateCommand(),
            new RemeasureCommand());

    /** What asks for the list of commands. */
    private static final Set<String> HELP = Set.of("help", "-h", "--help");

    private Loupe() {
    }

    public static void main(String[] argv) {
        NativeMemoryLimits.apply();
        int code = execute(argv, System.out, System.err);
        if (code != RunCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }

    /**
     * Runs one command; returns its exit code, or {@link RunCommand#KEEP_RUNNING} when the daemon is up.
     * {@code help}, {@code -h} or {@code --help} lists the commands; {@code COMMAND --help} prints that command's
     * usage (exit 0).
     */
    public static int execute(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length > 0 && HELP.contains(argv[0])) {
            printHelp(out);
            return 0;
        }
        String name = argv.length == 0 || argv[0].startsWith("--") ? "run" : argv[0];
        String[] rest = argv.length == 0 || argv[0].startsWith("--") ? argv : Arrays.copyOfRange(argv, 1, argv.length);
        Command command = COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (command == null) {
            err.println("unknown command '" + name + "'");
            printHelp(err);
            return 2;
        }
        if (Arrays.asList(rest).contains("--help")) {
            out.println("usage: " + command.usage());
            return 0;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println(command.name() + ": " + e.getMessage());
            err.println("usage: " + command.usage());
            return 2;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static void printHelp(PrintStream out) {
        out.println("usage: java -jar loupe.jar [COMMAND] [FLAGS]");
        COMMANDS.forEach(c -> out.println("  " + c.usage()));
    }

}
