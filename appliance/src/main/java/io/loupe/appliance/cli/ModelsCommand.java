package io.loupe.appliance.cli;

import io.loupe.models.ModelException;
import io.loupe.models.mediapipe.FetchReport;
import io.loupe.models.mediapipe.MediaPipeFetcher;
import io.loupe.models.tflite.TfliteImporter;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * {@code models convert IN.tflite OUT.onnx} writes the ONNX graph Loupe builds from a TFLite model (the same one it
 * runs in memory when a {@code path:} ends in {@code .tflite}); {@code models fetch [--dir models/zoo/mediapipe]}
 * downloads MediaPipe's pose and face models from the npm registry at pinned versions and checks their sha256.
 */
public final class ModelsCommand implements Command {
    static final String DEFAULT_FOLDER = "models/zoo/mediapipe";

    @Override
    public String name() {
        return "models";
    }

    @Override
    public String usage() {
        return "models convert IN.tflite OUT.onnx | models fetch [--dir " + DEFAULT_FOLDER + "]"
                + "   TFLite to ONNX; MediaPipe pose/face models from npm";
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws UsageException {
        if (argv.length == 0) {
            throw new UsageException("say what to do: convert or fetch");
        }
        String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        try {
            switch (argv[0]) {
                case "convert" -> {
                    if (rest.length != 2) {
                        throw new UsageException("convert takes the .tflite file and the .onnx file to write");
                    }
                    TfliteImporter.convert(Path.of(rest[0]), Path.of(rest[1]));
                    out.println("wrote " + rest[1]);
                }
                case "fetch" -> {
                    Args args = Args.parse(rest, Set.of("--dir"), Set.of());
                    FetchReport report = MediaPipeFetcher.npm().fetch(args.path("--dir", DEFAULT_FOLDER));
                    report.models().forEach(m -> out.println(m));
                    out.println(report.downloaded().isEmpty() ? "all models were already there, checked"
                            : "downloaded " + report.downloaded() + " from " + MediaPipeFetcher.NPM_REGISTRY
                            + "; Apache-2.0, see LICENSE-Apache-2.0.txt and NOTICE.txt beside them");
                }
                default -> throw new UsageException("unknown action '" + argv[0] + "': use convert or fetch");
            }
            return 0;
        } catch (ModelException e) {
            err.println("models " + argv[0] + ": " + e.getMessage());
            return 1;
        }
    }
}
