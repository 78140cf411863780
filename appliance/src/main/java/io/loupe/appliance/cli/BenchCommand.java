package io.loupe.appliance.cli;

import io.loupe.appliance.bench.ApplianceBench;
import io.loupe.appliance.bench.BenchException;
import io.loupe.appliance.bench.BenchOptions;
import io.loupe.appliance.bench.BenchPrinter;
import io.loupe.appliance.bench.BenchReport;
import io.loupe.appliance.config.ConfigException;
import io.loupe.appliance.publish.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code bench [--config F [--pipeline P] | --model M --video V] [--frames N] [--cameras K] [--repeats R] [--soak S]
 * [--json]}: measures, in one process, the model alone and the whole appliance around it, and prints the figures
 * PERFORMANCE.md quotes. Asserts nothing.
 */
public final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "bench [--config F [--pipeline P] | --model M --video V] [--frames 300] [--cameras 1] [--repeats 3]"
                + " [--soak SECONDS] [--json]   model-only vs pipeline throughput, latency, memory";
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws UsageException, ConfigException {
        Args args = Args.parse(argv, Set.of("--config", "--pipeline", "--model", "--video", "--frames", "--cameras",
                "--repeats", "--soak"), Set.of("--json"));
        BenchOptions options;
        try {
            boolean direct = args.has("--model") || args.has("--video");
            options = new BenchOptions(direct ? null : args.path("--config", RunCommand.DEFAULT_CONFIG),
                    args.get("--pipeline", null),
                    args.has("--model") ? Path.of(args.get("--model", null)) : null,
                    args.has("--video") ? Path.of(args.get("--video", null)) : null,
                    args.integer("--frames", 300), args.integer("--cameras", 1), args.integer("--repeats", 3),
                    args.integer("--soak", 0), args.has("--json"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        // a model is a file, checked here where the flag is known (past this point it is a path in a generated
        // configuration); --video may be anything a file: camera takes (a clip, a folder, a pattern), which the
        // camera's own check names with its absolute path
        Path model = options.model();
        if (model != null && !(Files.isRegularFile(model) && Files.isReadable(model))) {
            err.println("bench: --model " + model + (Files.exists(model) ? " is not a readable file" : " does not"
                    + " exist") + ": give an ONNX model, e.g. models/zoo/dark-defect.onnx");
            return 1;
        }
        try {
            BenchReport report = ApplianceBench.run(options, err);
            if (options.json()) {
                out.println(Json.string(report));
            } else {
                BenchPrinter.print(report, out);
            }
            return 0;
        } catch (BenchException | IOException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        }
    }
}
