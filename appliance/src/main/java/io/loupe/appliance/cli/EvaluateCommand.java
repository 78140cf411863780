package io.loupe.appliance.cli;

import io.loupe.appliance.config.AppliancePlan;
import io.loupe.appliance.config.ConfigException;
import io.loupe.appliance.config.ConfigValidator;
import io.loupe.appliance.config.PipelinePlan;
import io.loupe.appliance.evaluate.ClassMetrics;
import io.loupe.appliance.evaluate.DefectEvaluation;
import io.loupe.appliance.evaluate.EvaluationReport;
import io.loupe.appliance.evaluate.PartMetrics;
import io.loupe.appliance.evaluate.PestEvaluation;
import io.loupe.appliance.evaluate.PestReport;
import io.loupe.appliance.evaluate.SpeciesCountError;
import io.loupe.appliance.publish.Json;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ModelSpec;
import io.loupe.pipelines.defect.DefectSettings;
import io.loupe.pipelines.gait.GaitSettings;
import io.loupe.pipelines.pest.PestSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code evaluate --pipeline defect|pest|gait --data DIR [--model M] [--config F] [--json] [floors]}: the pipeline's
 * quality on a labelled set made by {@code loupe samples} (a conveyor video, a trap series, a walk set). The settings
 * are those of the configuration's first pipeline of that type (the demo's by default), the model that pipeline's
 * unless {@code --model} is given (for gait: the pose model; a YOLO-pose export switches {@code pose.kind} to
 * {@code yolo-pose}). Floors: defect {@code --min-map}, {@code --min-accuracy}; pest {@code --min-map},
 * {@code --max-count-error}; gait {@code --min-pck} (PCK@0.1 over every labelled keypoint),
 * {@code --max-cadence-error} (the worst bout's relative cadence error) and {@code --min-score-within-one} (share of
 * walks scored within ±1). Gait only: {@code --poses DIR} records the pose model's output per walk there, and
 * replays it on later runs instead of running the model (tuning the settings in seconds); {@code --true-poses} gives
 * the pipeline each walk's true keypoints instead of a pose model's (the analysis measured alone); {@code --calibrated}
 * gives it each walk's walker height and side-view walkway scale from the truth, as a clinic that measured them would
 * ({@link io.loupe.appliance.evaluate.WalkCalibration#CLINIC}). Exit 0, 1 when
 * the evaluation cannot run (the reason on standard error: a missing or wrong set, a model that fails), 2 for a usage
 * error, {@link #BELOW_FLOOR} when a floor is not met.
 */
public final class EvaluateCommand implements Command {
    /** Exit code when the quality is below a floor. */
    public static final int BELOW_FLOOR = 3;
    /** The floors each pipeline type's evaluation measures. */
    private static final Map<String, List<String>> FLOORS = Map.of(
            "defect", List.of("--min-map", "--min-accuracy"),
            "pest", List.of("--min-map", "--max-count-error"),
            "gait", List.of("--min-pck", "--max-cadence-error", "--min-score-within-one"));

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String usage() {
        return "evaluate --pipeline defect|pest|gait --data DIR [--model M] [--config F] [--json] [--min-map X]"
                + " [--min-accuracy Y] [--max-count-error Z] [--min-pck P] [--max-cadence-error C]"
                + " [--min-score-within-one S] [--poses DIR (gait: record, then replay, the pose model's output)]"
                + " [--true-poses (gait: the walks' true keypoints instead of a pose model)]"
                + " [--calibrated (gait: each walker's height and side views' walkway scale from the truth)]"
                + "   quality on a labelled set";
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws UsageException, ConfigException {
        Args args = Args.parse(argv, Set.of("--pipeline", "--data", "--model", "--config", "--min-map",
                "--min-accuracy", "--max-count-error", "--min-pck", "--max-cadence-error", "--min-score-within-one",
                "--poses"),
                Set.of("--json", "--true-poses", "--calibrated"));
        String type = args.required("--pipeline");
        if (!type.equals("defect") && !type.equals("pest") && !type.equals("gait")) {
            throw new UsageException("--pipeline " + type + ": use defect, pest or gait");
        }
        for (String gaitOnly : new String[] {"--poses", "--true-poses", "--calibrated"}) {
            if (args.has(gaitOnly) && !type.equals("gait")) {
                throw new UsageException(gaitOnly + " is about walks and their poses: it applies to --pipeline gait,"
                        + " not " + type);
            }
        }
        checkFloors(type, args);
        if (args.has("--poses") && Files.isRegularFile(Path.of(args.get("--poses", null)))) {
            throw new UsageException("--poses " + args.get("--poses", null) + " is a file: give a folder, to record"
                    + " the pose model's output in (made if missing) or to replay a recording made there before");
        }
        if (args.has("--true-poses") && (args.has("--poses") || args.has("--model"))) {
            throw new UsageException("--true-poses runs no pose model, so it has no output to record (--poses) and"
                    + " takes no --model: drop them, or drop --true-poses");
        }
        Path data = Path.of(args.required("--data"));
        Path file = args.path("--config", RunCommand.DEFAULT_CONFIG);
        AppliancePlan plan = ConfigValidator.check(file, false);
        Class<?> settingsType = switch (type) {
            case "pest" -> PestSettings.class;
            case "gait" -> GaitSettings.class;
            default -> DefectSettings.class;
        };
        PipelinePlan pipeline = plan.pipelines().stream().filter(p -> settingsType.isInstance(p.settings()))
                .findFirst().orElse(null);
        if (pipeline == null) {
            err.println("evaluate: " + file + " has no " + type + " pipeline whose settings to use; give --config with"
                    + " one");
            return 1;
        }
        if (type.equals("gait")) {
            return GaitEvaluate.run(plan, pipeline, data, args.has("--model") ? Path.of(args.get("--model", null))
                    : null, args, out, err);
        }
        ModelSpec spec = args.has("--model") ? ModelSpec.of(Path.of(args.get("--model", null)))
                : plan.models().stream().filter(m -> m.id().equals(pipeline.model())).findFirst().orElseThrow();
        try (Model model = Model.load(spec)) {
            if (type.equals("pest")) {
                PestReport report = PestEvaluation.run(data, model, (PestSettings) pipeline.settings());
                if (args.has("--json")) {
                    out.println(Json.string(report));
                } else {
                    printPest(report, pipeline.id(), out);
                }
                return pestFloors(report, args.number("--min-map", 0), args.number("--max-count-error", 0), err);
            }
            EvaluationReport report = DefectEvaluation.run(data, model, (DefectSettings) pipeline.settings());
            if (args.has("--json")) {
                out.println(Json.string(report));
            } else {
                print(report, pipeline.id(), out);
            }
            return floors(report, args.number("--min-map", 0), args.number("--min-accuracy", 0), err);
        } catch (ModelException | IOException | IllegalArgumentException e) {
            err.println("evaluate: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Refuses, before anything runs, a floor the pipeline type does not measure (it would be ignored, and a check
     * relying on it would pass unchecked) and a floor that is not a number in its range (a share from 0 to 1; a
     * ceiling above 0, since 0 means none).
     */
    private static void checkFloors(String type, Args args) throws UsageException {
        List<String> own = FLOORS.get(type);
        for (String flag : FLOORS.values().stream().flatMap(List::stream).distinct().toList()) {
            if (!args.has(flag)) {
                continue;
            }
            if (!own.contains(flag)) {
                throw new UsageException(flag + " is not measured for --pipeline " + type + ": its floors are "
                        + String.join(", ", own));
            }
            double v = args.number(flag, 0);
            boolean ceiling = flag.startsWith("--max");
            if (ceiling ? !(v > 0) : !(v >= 0 && v <= 1)) {
                throw new UsageException(flag + " " + args.get(flag, null) + ": give " + (ceiling
                        ? "a ceiling above 0 (a relative error, e.g. 0.1)" : "a share from 0 to 1, e.g. 0.8"));
            }
        }
    }

    private static int pestFloors(PestReport r, double minMap, double maxCountError, PrintStream err) {
        int code = 0;
        double map = map(r.tiled());
        if (minMap > 0 && !(map >= minMap)) {
            err.printf(Locale.ROOT, "evaluate: mAP@0.5 (tiled) %.3f is below the floor %.3f%n", map, minMap);
            code = BELOW_FLOOR;
        }
        if (maxCountError > 0 && !(r.worstCountError() <= maxCountError)) {
            err.printf(Locale.ROOT, "evaluate: the worst per-species count error %.3f is above the ceiling %.3f%n",
                    r.worstCountError(), maxCountError);
            code = BELOW_FLOOR;
        }
        return code;
    }

    private static double map(List<ClassMetrics> classes) {
        return classes.stream().filter(c -> c.truths() > 0).mapToDouble(ClassMetrics::ap50).average()
                .orElse(Double.NaN);
    }

    private static void printPest(PestReport r, String settingsOf, PrintStream out) {
        out.printf(Locale.ROOT, "pest pipeline on %s: model %s, settings of pipeline %s, %d captures%n", r.data(),
                r.model(), settingsOf, r.captures());
        out.printf(Locale.ROOT, "  detection on the full-size captures, tiles %dx%d with overlap %.2f (whole frame for"
                + " comparison):%n", r.tile(), r.tile(), r.overlap());
        out.printf(Locale.ROOT, "  %-12s %7s %10s %6s %9s %7s %7s   %13s%n", "species", "truths", "detections",
                "hits", "precision", "recall", "AP@0.5", "whole: recall");
        for (int k = 0; k < r.tiled().size(); k++) {
            ClassMetrics c = r.tiled().get(k);
            ClassMetrics w = r.wholeFrame().get(k);
            out.printf(Locale.ROOT, "  %-12s %7d %10d %6d %9.3f %7.3f %7.3f   %13.3f%n", c.label(), c.truths(),
                    c.detections(), c.hits(), c.precision(), c.recall(), c.ap50(), w.recall());
        }
        out.printf(Locale.ROOT, "  mAP@0.5 tiled %.3f, whole frame %.3f; recall tiled %.3f, whole frame %.3f%n",
                map(r.tiled()), map(r.wholeFrame()), PestReport.recall(r.tiled()), PestReport.recall(r.wholeFrame()));
        out.printf(Locale.ROOT, "  counts over the series (the pipeline: tiles, arrivals, card changes):%n");
        out.printf(Locale.ROOT, "  %-12s %8s %8s %11s %9s %9s %9s %13s%n", "species", "true", "counted",
                "count error", "mean |e|", "arrived", "reported", "arrival error");
        for (SpeciesCountError c : r.counts()) {
            out.printf(Locale.ROOT, "  %-12s %8d %8d %11.3f %9.2f %9d %9d %13.3f%n", c.species(), c.trueTotal(),
                    c.countedTotal(), c.countError(), c.meanAbsError(), c.trueArrivals(), c.arrivals(),
                    c.arrivalError());
        }
        out.printf(Locale.ROOT, "  card changes: %d of %d found, %d false%n", r.cardChangesFound(), r.cardChanges(),
                r.falseCardChanges());
    }

    private static int floors(EvaluationReport r, double minMap, double minAccuracy, PrintStream err) {
        int code = 0;
        if (minMap > 0 && !(r.map50() >= minMap)) {
            err.printf(Locale.ROOT, "evaluate: mAP@0.5 %s is below the floor %.3f%n", r.classes().isEmpty()
                    ? "(not measured: the model draws no boxes; drop --min-map for an anomaly model)"
                    : String.format(Locale.ROOT, "%.3f", r.map50()), minMap);
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
        if (r.classes().isEmpty()) {
            out.println("  boxes: not measured (the model draws none: an anomaly model is measured by its part"
                    + " verdicts)");
        } else {
            printClasses(r, out);
        }
        PartMetrics p = r.parts();
        if (p == null) {
            out.println("  part verdicts: not measured (the pipeline's mode is not presence)");
        } else {
            out.printf(Locale.ROOT, "  part verdicts: %d of %d correct (accuracy %.3f); %d judged once, %d missed,"
                    + " %d extra%n", p.correct(), p.parts(), p.accuracy(), p.judged(), p.missed(), p.extra());
        }
    }

    private static void printClasses(EvaluationReport r, PrintStream out) {
        out.printf(Locale.ROOT, "  %-10s %7s %10s %6s %9s %7s %7s%n", "class", "truths", "detections", "hits",
                "precision", "recall", "AP@0.5");
        for (ClassMetrics c : r.classes()) {
            out.printf(Locale.ROOT, "  %-10s %7d %10d %6d %9.3f %7.3f %7.3f%n", c.label(), c.truths(),
                    c.detections(), c.hits(), c.precision(), c.recall(), c.ap50());
        }
        out.printf(Locale.ROOT, "  mAP@0.5 %.3f (IoU 0.5, detections at the model's confidence for precision and"
                + " recall, down to 0.05 for AP)%n", r.map50());
    }
}
