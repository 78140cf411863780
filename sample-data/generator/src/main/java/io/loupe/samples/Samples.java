package io.loupe.samples;

import io.loupe.samples.core.SceneSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Command line of the sample-data generator; the appliance's CLI calls {@link #run} as {@code loupe samples …}.
 */
public final class Samples {

    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: generation failed (a file could not be written, the encoder failed). */
    public static final int FAILED = 1;
    /** Exit code: the command line is wrong. */
    public static final int USAGE = 2;

    private Samples() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /**
     * Parses {@code args}, generates the scene and reports to {@code out}.
     *
     * @return {@link #OK}, {@link #USAGE} (with the problem and the usage on {@code out}) or {@link #FAILED}
     */
    public static int run(String[] args, PrintStream out) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(SamplesOptions.USAGE);
            return OK;
        }
        SamplesOptions options;
        try {
            options = SamplesOptions.parse(args);
        } catch (UsageException e) {
            out.println("error: " + e.getMessage());
            out.print(SamplesOptions.USAGE);
            return USAGE;
        }
        try {
            long start = System.nanoTime();
            SceneSummary summary = options.domain().generator().generate(options.request());
            out.printf("%s scene, seed %d: %s in %.1f s%n", options.domain().flag(), options.request().seed(),
                    options.domain().describe(summary), (System.nanoTime() - start) / 1e9);
            int shown = 0;
            for (Path file : summary.files()) {
                if (shown++ == 4) {
                    out.printf("  … and %d more files%n", summary.files().size() - 4);
                    break;
                }
                out.printf("  %s (%,d bytes)%n", file, Files.size(file));
            }
            return OK;
        } catch (IOException e) {
            out.println("error: " + e.getMessage());
            return FAILED;
        }
    }
}
