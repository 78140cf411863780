package io.loupe.appliance.evaluate;

import io.loupe.models.Model;
import io.loupe.pipelines.ModelCatalog;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PhaseLatencies;
import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.gait.CalibrationSettings;
import io.loupe.pipelines.gait.GaitPipeline;
import io.loupe.pipelines.gait.GaitPipelineFactory;
import io.loupe.pipelines.gait.GaitResult;
import io.loupe.pipelines.gait.GaitSettings;
import io.loupe.pipelines.gait.PoseKind;
import io.loupe.pipelines.gait.PrivacySettings;
import io.loupe.pipelines.gait.analysis.FreezeEpisode;
import io.loupe.pipelines.gait.analysis.GaitScore;
import io.loupe.pipelines.gait.pose.PoseSource;
import io.loupe.pipelines.gait.pose.PoseSources;
import io.loupe.samples.gait.View;
import io.loupe.samples.gait.truth.GaitTruthFiles;
import io.loupe.samples.gait.truth.WalkEntry;
import io.loupe.samples.gait.truth.WalkSet;
import io.loupe.samples.gait.truth.WalkTruth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gait pipeline's quality on a generated walk set ({@code loupe samples --domain gait}): each walk's video is
 * decoded by the appliance's file source and played in order through a fresh gait pipeline built with the given
 * settings (keypoint storage off), as the appliance would run it. Per frame, the walker's skeleton the pipeline used
 * is scored against the true COCO-17 keypoints (PCK); per reported bout, the gait parameters against the walk's truth;
 * per walk, the score (that of its longest scored bout) against the intended one, and the freezing episodes found.
 *
 * <p>When the settings give no {@code calibration.focalLengthPx}, each walk is measured with its camera's focal length
 * from the truth, as a clinic would calibrate its camera once: frontal step length needs it. With
 * {@link WalkCalibration#CLINIC}, each walk's walker height and side-view walkway scale come from its truth too.
 */
public final class GaitEvaluation {

    /** The id the evaluation's pipelines and their camera go by. */
    private static final String PIPELINE = "evaluate";
    /** What the gait results of {@link #runOnTrueKeypoints} name as their model. */
    private static final ModelRef TRUE_KEYPOINTS = new ModelRef("truth", "the walk's true keypoints", null, null,
            "none");

    private GaitEvaluation() {
    }

    /**
     * Evaluates the gait pipeline with {@code settings} on the set in {@code data}.
     *
     * @param set    the set's index, as {@link #readSet} read it from {@code data}
     * @param pose   the pipeline's model: a BlazePose landmark model ({@code pose.kind: mediapipe}) or a YOLO-pose
     *               export ({@code yolo-pose})
     * @param models the other models the settings name (the person detector of {@code pose.kind: mediapipe})
     * @param poses  a folder for the pose model's output per walk: recorded there when missing, else replayed instead
     *               of running the model (so that tuning the settings takes seconds); null for neither
     * @param calibration what each walk's truth adds to {@code settings.calibration}
     * @throws IOException              when the set's index, a walk's truth or its video cannot be read, the truth
     *                                  lacks the calibration asked for, or the pipeline fails on a frame (the message
     *                                  names the file)
     * @throws IllegalArgumentException when the models do not fit {@code settings.pose} (the message names the fix)
     */
    public static GaitReport run(Path data, WalkSet set, Model pose, ModelCatalog models, GaitSettings settings,
                                 Path poses, WalkCalibration calibration) throws IOException {
        return evaluate(data, set, pose, models, settings, poses, calibration);
    }

    /**
     * Evaluates the gait pipeline's analysis alone: each walk played with its true keypoints in place of a pose
     * model's ({@link TruePoseSource}); no model is loaded or run, the video is still decoded (the feet in the
     * picture). The report's model is {@code none}.
     *
     * @throws IOException when the set's index, a walk's truth or its video cannot be read, the truth lacks the
     *                     calibration asked for, or the pipeline fails on a frame (the message names the file)
     */
    public static GaitReport runOnTrueKeypoints(Path data, WalkSet set, GaitSettings settings,
                                                WalkCalibration calibration) throws IOException {
        return evaluate(data, set, null, ModelCatalog.empty(), settings, null, calibration);
    }

    /** As {@link #run}; {@code pose} null: each walk's true keypoints instead of a model. */
    private static GaitReport evaluate(Path data, WalkSet set, Model pose, ModelCatalog models, GaitSettings settings,
                                       Path poses, WalkCalibration calibration) throws IOException {
        GaitSettings s = settings.withPrivacy(PrivacySettings.defaults());
        GaitPipelineFactory factory = new GaitPipelineFactory();
        PckTally all = new PckTally();
        Map<String, PckTally> views = new LinkedHashMap<>();
        List<GaitWalkReport> walks = new ArrayList<>();
        String poseSource = null;
        boolean focalFromTruth = s.calibration().focalLengthPx() <= 0;
        ModelRef named = pose == null ? TRUE_KEYPOINTS : ModelRef.of(pose.info());
        String poseKey = pose == null ? null : pose.info().sha256() + (s.pose().poseKind() == PoseKind.MEDIAPIPE
                ? "+" + models.require(s.pose().detector(), "settings.pose.detector").info().sha256() : "")
                + " " + s.pose();
        for (WalkEntry entry : set.walks()) {
            Path truthFile = data.resolve(entry.truth());
            WalkTruth truth = GaitTruthFiles.readWalk(truthFile);
            Path video = data.resolve(entry.video());
            GaitSettings walkSettings = calibrated(s, truth, truthFile, focalFromTruth, calibration);
            WalkPoses walkPoses = WalkPoses.of(poses, entry.walk(), video, poseKey);
            PoseSource source = pose == null ? new TruePoseSource(truth)
                    : walkPoses.around(PoseSources.create(walkSettings.pose(), pose, models));
            WalkPlayback.Played played;
            try (GaitPipeline pipeline = factory.create(new PipelineContext(PIPELINE, PIPELINE, Clock.systemUTC(),
                    new PhaseLatencies(), models), source, named, walkSettings)) {
                poseSource = pipeline.poseSource();
                played = WalkPlayback.play(video, pipeline);
            }
            walkPoses.finish();
            PckTally walk = new PckTally();
            for (int f = 0; f < truth.frames().size(); f++) {
                walk.add(truth.frames().get(f), f < played.skeletons().size() ? played.skeletons().get(f) : null);
            }
            all.addAll(walk);
            views.computeIfAbsent(entry.view().label(), v -> new PckTally()).addAll(walk);
            walks.add(walkReport(entry, truth, played, walk));
        }
        PoseAccuracy accuracy = new PoseAccuracy(walks.stream().mapToInt(GaitWalkReport::frames).sum(),
                all.framesWithPerson(), all.framesWithoutPose(), all.framesMirrored(), all.total("all"),
                views.entrySet().stream().map(e -> e.getValue().total(e.getKey())).toList(),
                all.perJoint(set.keypoints()));
        String calibrationSaid = (focalFromTruth
                ? "calibration.focalLengthPx: each walk's camera from its truth, where it records one (the"
                        + " settings give none)"
                : "calibration.focalLengthPx: " + s.calibration().focalLengthPx()
                        + " from the settings, for every walk")
                + (calibration == WalkCalibration.CLINIC ? "; calibration.subjectHeightM and, in side views,"
                        + " calibration.metresPerPixel at the walkway: each walk's from its truth (--calibrated)" : "");
        String model = pose == null ? "none" : pose.info().path().toString();
        return new GaitReport(data.toString(), model, poseSource, calibrationSaid, accuracy,
                GaitSummaries.parameters(walks), GaitSummaries.scores(walks), walks, GaitScore.DISCLAIMER);
    }

    /**
     * {@code s} calibrated for one walk: with its camera's focal length where {@code focalFromTruth} and the truth
     * records one (sets written before it do not), and for {@link WalkCalibration#CLINIC} with the walker's height and,
     * in a side view, the walkway's metres per pixel.
     *
     * @throws IOException when {@link WalkCalibration#CLINIC} needs a walkway scale the side view's truth lacks
     */
    private static GaitSettings calibrated(GaitSettings s, WalkTruth truth, Path truthFile, boolean focalFromTruth,
                                           WalkCalibration calibration) throws IOException {
        CalibrationSettings c = s.calibration();
        double focal = focalFromTruth && truth.video().focalLengthPx() > 0 ? truth.video().focalLengthPx()
                : c.focalLengthPx();
        if (calibration == WalkCalibration.CAMERA) {
            return s.withCalibration(new CalibrationSettings(c.metresPerPixel(), c.subjectHeightM(), focal));
        }
        double metresPerPixel = 0;
        if (truth.view() == View.SIDE) {
            metresPerPixel = truth.video().walkwayMetresPerPixel();
            if (!(metresPerPixel > 0)) {
                throw new IOException(truthFile + " records no video.walkway_metres_per_pixel for its side view (the"
                        + " set was written before walks recorded it): regenerate the set with `loupe samples"
                        + " --domain gait`, or drop --calibrated");
            }
        }
        return s.withCalibration(new CalibrationSettings(metresPerPixel, truth.bodyHeight(), focal));
    }

    /**
     * Reads a walk set's index and checks that every walk's truth and video are there: cheap, so a wrong folder is
     * reported before any model loads.
     *
     * @throws IOException when {@code data} is not a walk set written by {@code loupe samples --domain gait}, or a
     *                     file it lists is missing; the message names the file and the fix
     */
    public static WalkSet readSet(Path data) throws IOException {
        Path index = data.resolve("walks.json");
        if (!Files.isRegularFile(index)) {
            throw new IOException(index + " does not exist: give --data a folder written by"
                    + " `loupe samples --domain gait` (walks.json and walks/)");
        }
        WalkSet set = GaitTruthFiles.readSet(index);
        if (set.walks().isEmpty()) {
            throw new IOException(index + " lists no walks: generate a set with `loupe samples --domain gait"
                    + " --count N`");
        }
        for (WalkEntry e : set.walks()) {
            for (String file : new String[] {e.truth(), e.video()}) {
                if (!Files.isRegularFile(data.resolve(file))) {
                    throw new IOException("walk " + e.walk() + " in " + index + ": " + data.resolve(file)
                            + " does not exist; regenerate the set with `loupe samples --domain gait`");
                }
            }
        }
        return set;
    }

    private static GaitWalkReport walkReport(WalkEntry entry, WalkTruth truth, WalkPlayback.Played played,
                                             PckTally pck) {
        List<GaitBoutError> bouts = new ArrayList<>();
        List<FreezeEpisode> found = new ArrayList<>();
        for (GaitResult r : played.bouts()) {
            bouts.add(BoutComparison.compare(bouts.size() + 1, r, truth.bout()));
            found.addAll(r.parameters().freezing());
        }
        PckScore score = pck.total("walk " + entry.walk());
        return new GaitWalkReport(entry.walk(), entry.video(), entry.view().label(), played.skeletons().size(),
                pck.framesWithoutPose(), pck.framesMirrored(), score.pck10(), score.pck05(), truth.score(),
                BoutComparison.walkScore(played.bouts()), truth.bout().freezing().size(),
                BoutComparison.freezesFound(truth.bout().freezing(), found),
                BoutComparison.falseFreezes(truth.bout().freezing(), found), truth.bout().cadence(),
                truth.bout().stepLength(), bouts);
    }
}
