package io.loupe.appliance.cli;

import io.loupe.appliance.config.AppliancePlan;
import io.loupe.appliance.config.ConfigException;
import io.loupe.appliance.config.ConfigLoader;
import io.loupe.appliance.config.ConfigValidator;
import io.loupe.appliance.config.PipelinePlan;
import io.loupe.appliance.evaluate.ClassMetrics;
import io.loupe.appliance.evaluate.DefectEvaluation;
import io.loupe.appliance.evaluate.EvaluationReport;
import io.loupe.appliance.evaluate.PartMetrics;
import io.loupe.appliance.publish.Json;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ModelSpec;
import io.loupe.pipelines.PipelineRegistry;
import io.loupe.pipelines.defect.DefectSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * {@code evaluate --pipeline defect --data DIR [--model M] [--config F] [--json] [--min-map X] [--min-accuracy Y]}:
 * the pipeline's quality on a labelled set. The settings are those of the configuration's first defect pipeline (the
 * demo's by default), the model that pipeline's unless {@code --model} is given. Exit 3 when a floor is not met.
 */
public final class EvaluateCommand implements Command {
    /** Exit code when the quality is below a floor. */
    public static final int BELOW_FLOOR = 3;

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String usage() {
        return "evaluate --pipeline defect --data DIR [--model M] [--config F] [--json] [--min-map X]"
                + " [--min-accuracy Y]   quality on a labelled set";
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argv, Set.of("--pipeline", "--data", "--model", "--config", "--min-map",
                "--min-accuracy"), Set.of("--json"));
        String type = args.required("--pipeline");
        if (!type.equals("defect")) {
            throw new UsageException("--pipeline " + type + ": only defect can be evaluated so far (the pest and gait"
                    + " pipelines are not built yet)");
        }
        Path data = Path.of(args.required("--data"));
        double minMap = args.number("--min-map", 0);
        double minAccuracy = args.number("--min-accuracy", 0);
        Path file = args.path("--config", RunCommand.DEFAULT_CONFIG);
        PipelinePlan pipeline;
        AppliancePlan plan;
        try {
            plan = new ConfigValidator(FrameSourceRegistry.withDefaults(), PipelineRegistry.withDefaults())
                    .validate(file, ConfigLoader.load(file), false);
            pipeline = plan.pipelines().stream().filter(p -> p.settings() instanceof DefectSettings).findFirst()
                    .orElse(null);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        }
        if (pipeline == null) {
            err.println("evaluate: " + file + " has no defect pipeline whose settings to use; give --config with one");
            return 1;
        }
        ModelSpec spec = args.has("--model") ? ModelSpec.of("evaluate", Path.of(args.get("--model", null)))
                : plan.models().stream().filter(m -> m.id().equals(pipeline.model())).findFirst().orElseThrow();
        EvaluationReport report;
        try (Model model = Model.load(spec)) {
            report = DefectEvaluation.run(data, model, (DefectSettings) pipeline.settings());
        } catch (ModelException | IOException | IllegalArgumentException e) {
            err.println("evaluate: " + e.getMessage());
            return 1;
        }
        if (args.has("--json")) {
            out.println(Json.string(report));
        } else {
            print(report, pipeline.id(), out);
        }
        return floors(report, minMap, minAccuracy, err);
    }

    private static int floors(EvaluationReport r, double minMap, double minAccuracy, PrintStream err) {
        int code = 0;
        if (minMap > 0 && !(r.map50() >= minMap)) {
            err.printf(Locale.ROOT, "evaluate: mAP@0.5 %.3f is below the floor %.3f%n", r.map50(), minMap);
            code = BELOW_FLOOR;
        }
        if (minAccuracy > 0 && (r.parts() == null || !(r.parts().accuracy() >= minAccuracy))) {
            err.printf(Locale.ROOT, "evaluate: part-verdict accuracy %s is below the floor %.3f%n",
                    r.parts() == null ? "(not measured: the pipeline is not in presence mode)"
                            : String.format(Locale.ROOT, "%.3f", r.parts().accuracy()), minAccuracy);
            code = BELOW_FLOOR;
        }
        return code;
    }

    private static void print(EvaluationReport r, String settingsOf, PrintStream out) {
        out.printf(Locale.ROOT, "defect pipeline on %s: model %s, settings of pipeline %s, %d frames%s%n", r.data(),
                r.model(), settingsOf, r.frames(), r.agnostic() ? " (the model's classes are not the set's:"
                        + " every box counts as one class)" : "");
        out.printf(Locale.ROOT, "  %-10s %7s %10s %6s %9s %7s %7s%n", "class", "truths", "detections", "hits",
                "precision", "recall", "AP@0.5");
        for (ClassMetrics c : r.classes()) {
            out.printf(Locale.ROOT, "  %-10s %7d %10d %6d %9.3f %7.3f %7.3f%n", c.label(), c.truths(),
                    c.detections(), c.hits(), c.precision(), c.recall(), c.ap50());
        }
        out.printf(Locale.ROOT, "  mAP@0.5 %.3f (IoU 0.5, detections at the model's confidence for precision and"
                + " recall, down to 0.05 for AP)%n", r.map50());
        PartMetrics p = r.parts();
        if (p == null) {
            out.println("  part verdicts: not measured (the pipeline's mode is not presence)");
        } else {
            out.printf(Locale.ROOT, "  part verdicts: %d of %d correct (accuracy %.3f); %d judged once, %d missed,"
                    + " %d extra%n", p.correct(), p.parts(), p.accuracy(), p.judged(), p.missed(), p.extra());
        }
    }
}
