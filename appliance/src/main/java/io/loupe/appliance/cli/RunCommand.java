package io.loupe.appliance.cli;

import io.loupe.appliance.ApplianceException;
import io.loupe.appliance.Daemon;
import io.loupe.appliance.config.ConfigException;

import java.io.PrintStream;
import java.util.Set;

/** {@code run [--config PATH]}: starts the daemon and keeps it running until SIGTERM / Ctrl-C. */
public final class RunCommand implements Command {
    /** Exit code meaning "the daemon is running; do not exit the JVM". */
    public static final int KEEP_RUNNING = -1;
    public static final String DEFAULT_CONFIG = "config/appliance.yml";

    /** SIGHUP reloads the configuration, as daemons do; where the JVM offers no signal handling, it is skipped. */
    private static void reloadOnHangup(Daemon daemon, PrintStream err) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> daemon.reloadSoon());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            err.println("SIGHUP will not reload the configuration here (" + e.getMessage() + "); use POST"
                    + " /api/config/reload");
        }
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String usage() {
        return "run [--config " + DEFAULT_CONFIG + "]     start the appliance (the default command)";
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argv, Set.of("--config"), Set.of());
        try {
            // Micronaut's shutdown hook stops the web server and, through ApplianceLifecycle, the appliance.
            Daemon daemon = Daemon.start(args.path("--config", DEFAULT_CONFIG));
            reloadOnHangup(daemon, err);
            return KEEP_RUNNING;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            err.println("nothing was started; `validate --config PATH` checks a file without starting anything");
            return 1;
        } catch (ApplianceException e) {
            err.println("cannot start: " + e.getMessage());
            return 1;
        }
    }
}
