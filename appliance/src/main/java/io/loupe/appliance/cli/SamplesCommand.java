package io.loupe.appliance.cli;

import io.loupe.samples.Samples;

import java.io.PrintStream;

/** {@code samples --out DIR --seed N …}: writes a generated scene set with ground truth (see sample-data/README). */
public final class SamplesCommand implements Command {

    @Override
    public String name() {
        return "samples";
    }

    @Override
    public String usage() {
        return "samples --out DIR --seed N [--domain defect|pest|gait] [--seconds S] [--count N] [--yolo] [--good N]"
                + "   generate scenes with ground truth";
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) {
        return Samples.run(argv, out);
    }
}
