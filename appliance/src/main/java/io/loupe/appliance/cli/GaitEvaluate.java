package io.loupe.appliance.cli;

import io.loupe.appliance.config.AppliancePlan;
import io.loupe.appliance.config.ModelConfig;
import io.loupe.appliance.config.ModelFetch;
import io.loupe.appliance.config.PipelinePlan;
import io.loupe.appliance.evaluate.GaitEvaluation;
import io.loupe.appliance.evaluate.GaitReport;
import io.loupe.appliance.evaluate.WalkCalibration;
import io.loupe.appliance.publish.Json;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ModelSpec;
import io.loupe.models.ResultKind;
import io.loupe.pipelines.ModelCatalog;
import io.loupe.pipelines.gait.GaitSettings;
import io.loupe.pipelines.gait.PoseKind;
import io.loupe.pipelines.gait.PoseSettings;
import io.loupe.samples.gait.truth.WalkSet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code evaluate --pipeline gait}: loads the models of the configuration's gait pipeline (fetching MediaPipe's files
 * as the appliance does when their configuration allows it), or {@code --model} as the pose model, runs
 * {@link GaitEvaluation} (with {@code --true-poses}, on the walks' true keypoints, no model loaded) and applies the
 * floors {@code --min-pck}, {@code --max-cadence-error} and {@code --min-score-within-one}.
 */
final class GaitEvaluate {
    private GaitEvaluate() {
    }

    /**
     * @param pipeline the configuration's gait pipeline whose settings and models to use
     * @param model    {@code --model}, or null for the pipeline's own
     * @return 0, 1 when the evaluation could not run (the reason on {@code err}), or
     *         {@link EvaluateCommand#BELOW_FLOOR}
     */
    static int run(AppliancePlan plan, PipelinePlan pipeline, Path data, Path model, Args args, PrintStream out,
                   PrintStream err) throws UsageException {
        double minPck = args.number("--min-pck", 0);
        double maxCadenceError = args.number("--max-cadence-error", 0);
        double minWithinOne = args.number("--min-score-within-one", 0);
        GaitSettings settings = (GaitSettings) pipeline.settings();
        Path poses = args.has("--poses") ? Path.of(args.get("--poses", null)) : null;
        boolean truePoses = args.has("--true-poses");
        WalkCalibration calibration = args.has("--calibrated") ? WalkCalibration.CLINIC : WalkCalibration.CAMERA;
        WalkSet set;
        try {
            set = GaitEvaluation.readSet(data); // before any model loads: a wrong folder fails at once
        } catch (IOException e) {
            err.println("evaluate: " + e.getMessage());
            return 1;
        }
        try {
            GaitReport report = truePoses ? GaitEvaluation.runOnTrueKeypoints(data, set, settings, calibration)
                    : withModels(plan, pipeline, data, set, model, settings, poses, calibration);
            if (args.has("--json")) {
                out.println(Json.string(report));
            } else {
                GaitReportPrinter.print(report, pipeline.id(), out);
            }
            return floors(report, minPck, maxCadenceError, minWithinOne, err);
        } catch (ModelException | IOException | IllegalArgumentException e) {
            err.println("evaluate: " + e.getMessage());
            return 1;
        }
    }

    /** The evaluation with {@code model}, else the pipeline's own, and the person detector it names. */
    private static GaitReport withModels(AppliancePlan plan, PipelinePlan pipeline, Path data, WalkSet set, Path model,
                                         GaitSettings settings, Path poses, WalkCalibration calibration)
            throws ModelException, IOException {
        try (Model pose = model != null ? Model.load(ModelSpec.of(model)) : load(plan, pipeline.model())) {
            GaitSettings s = settings;
            if (isYoloPose(pose) && s.pose().poseKind() != PoseKind.YOLO_POSE) {
                s = s.withPose(new PoseSettings(PoseKind.YOLO_POSE.key(), null, s.pose().minKeypointScore(),
                        s.pose().minPersonScore()));
            }
            if (s.pose().poseKind() != PoseKind.MEDIAPIPE) {
                return GaitEvaluation.run(data, set, pose, ModelCatalog.empty(), s, poses, calibration);
            }
            try (Model detector = load(plan, s.pose().detector())) {
                return GaitEvaluation.run(data, set, pose, ModelCatalog.of(Map.of(s.pose().detector(), detector)), s,
                        poses, calibration);
            }
        }
    }

    /** A YOLO-pose export (every person with COCO keypoints), as opposed to a BlazePose landmark model. */
    private static boolean isYoloPose(Model m) {
        return m.resultKind() == ResultKind.POSES && !"blazepose".equals(String.valueOf(m.info().decoder()));
    }

    /** A configured model, fetched first when it is missing and its configuration says {@code fetch: mediapipe}. */
    private static Model load(AppliancePlan plan, String id) throws ModelException {
        ModelSpec spec = plan.models().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new ModelException("model " + id + " is not configured: add it under models: in "
                        + plan.file()));
        ModelConfig configured = plan.config().models().get(id);
        if (configured != null) {
            ModelFetch.ensure(id, configured);
        }
        return Model.load(spec);
    }

    private static int floors(GaitReport r, double minPck, double maxCadenceError, double minWithinOne,
                              PrintStream err) {
        int code = 0;
        double pck = r.pose().overall().pck10();
        if (minPck > 0 && !(pck >= minPck)) {
            err.printf(Locale.ROOT, "evaluate: PCK@0.1 %.3f is below the floor %s%n", pck, plain(minPck));
            code = EvaluateCommand.BELOW_FLOOR;
        }
        double cadence = r.parameters().cadenceWorstError();
        if (maxCadenceError > 0 && !(cadence <= maxCadenceError)) {
            err.printf(Locale.ROOT, "evaluate: the worst bout's cadence error %s is above the ceiling %s%n",
                    Double.isNaN(cadence) ? "(not measured: no bout had a cadence)"
                            : String.format(Locale.ROOT, "%.3f", cadence), plain(maxCadenceError));
            code = EvaluateCommand.BELOW_FLOOR;
        }
        double within = r.scores().withinOneShare();
        if (minWithinOne > 0 && !(within >= minWithinOne)) {
            err.printf(Locale.ROOT, "evaluate: scores within ±1 %.3f (%d of %d walks) are below the floor %s%n",
                    within, r.scores().withinOne(), r.scores().walks(), plain(minWithinOne));
            code = EvaluateCommand.BELOW_FLOOR;
        }
        return code;
    }

    /** A floor as given: {@code 0.0001}, not {@code 0.000}. */
    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
