package io.loupe.appliance.cli;

import io.loupe.appliance.config.ConfigException;

import java.io.PrintStream;

/** One sub-command of {@code loupe}. */
public interface Command {

    /** The word that selects it, e.g. {@code validate}. */
    String name();

    /** One line for {@code loupe help}. */
    String usage();

    /**
     * Runs it with the arguments that follow its name.
     *
     * @return the process exit code: 0 success, 1 a failure the output explains, 2 bad usage
     * @throws UsageException  for unknown or missing flags (the caller prints the usage line and exits 2)
     * @throws ConfigException when the configuration the command reads has problems (the caller prints every one of
     *                         them, each with its path and fix, and exits 1)
     */
    int run(String[] argv, PrintStream out, PrintStream err) throws UsageException, ConfigException;
}
