package io.loupe.samples.gait;

import io.loupe.samples.core.Box;
import io.loupe.samples.core.CameraEffects;
import io.loupe.samples.core.Mp4Writer;
import io.loupe.samples.core.SceneGenerator;
import io.loupe.samples.core.SceneRequest;
import io.loupe.samples.core.SceneSummary;
import io.loupe.samples.core.Seeds;
import io.loupe.samples.gait.truth.BoutTruth;
import io.loupe.samples.gait.truth.FrameKeypoints;
import io.loupe.samples.gait.truth.GaitTruthFiles;
import io.loupe.samples.gait.truth.HeelStrikes;
import io.loupe.samples.gait.truth.PlannedGait;
import io.loupe.samples.gait.truth.VideoFile;
import io.loupe.samples.gait.truth.WalkEntry;
import io.loupe.samples.gait.truth.WalkSet;
import io.loupe.samples.gait.truth.WalkTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gait domain: walks of a rendered person, side and frontal, with controllable gait. Writes {@code walks.json},
 * {@code walks/NNN.mp4} with {@code walks/NNN.json} per walk, and, when asked, a YOLO-pose set under {@code yolo/}.
 */
public final class GaitSceneGenerator implements SceneGenerator {

    /** Index file name. */
    public static final String INDEX = "walks.json";
    /** Folder of the videos and their ground truth. */
    public static final String WALKS = "walks";
    /** Scene version: bump it whenever the same seed starts drawing different walks. */
    public static final String SCENE_VERSION = "loupe-samples/gait-walk/2";
    /** MPEG-4 Part 2: in JavaCV's FFmpeg build, decodable everywhere. */
    public static final String CODEC = "mpeg4";
    public static final int FPS = 25;
    public static final int DEFAULT_SECONDS = 8;
    public static final int DEFAULT_WALKS = 4;
    public static final int MAX_WALKS = 500;
    static final int BITRATE = 1_000_000;
    /** Light lost in the frame corners. */
    static final double VIGNETTING = 0.15;
    /** Optical blur, sigma in pixels. */
    static final double BLUR_SIGMA = 0.6;
    /** Sensor noise, sigma in grey levels. */
    static final double NOISE_SIGMA = 2.0;

    private static final Logger LOG = LoggerFactory.getLogger(GaitSceneGenerator.class);

    @Override
    public SceneSummary generate(SceneRequest request) throws IOException {
        int count = request.countOr(DEFAULT_WALKS);
        if (count > MAX_WALKS) {
            throw new IllegalArgumentException("a walk set has at most " + MAX_WALKS + " walks, got " + count);
        }
        List<WalkPlan> plans = GaitPlanner.plan(count, request.seconds(), Seeds.random(request.seed(), "gait/walks"));
        return generate(request, plans);
    }

    /** Generates the given walks (each of its own length) into {@code request.out()}. */
    public SceneSummary generate(SceneRequest request, List<WalkPlan> plans) throws IOException {
        Path out;
        Path walks;
        try {
            out = Files.createDirectories(request.out());
            walks = Files.createDirectories(out.resolve(WALKS));
        } catch (IOException e) {
            throw new IOException("cannot create the output folder " + request.out() + " (" + e + "); give --out a "
                    + "folder that can be created and written", e);
        }
        PoseYoloExporter yolo = request.yolo() ? new PoseYoloExporter(out.resolve("yolo")) : null;
        List<Path> files = new ArrayList<>();
        List<WalkEntry> entries = new ArrayList<>();
        int frames = 0;
        int impaired = 0;
        for (WalkPlan plan : plans) {
            String name = String.format(Locale.ROOT, "%03d", plan.walk());
            WalkTruth truth = walk(plan, walks.resolve(name + ".mp4"), name + ".mp4", yolo);
            Path truthFile = walks.resolve(name + ".json");
            GaitTruthFiles.write(truth, truthFile);
            files.add(walks.resolve(name + ".mp4"));
            files.add(truthFile);
            entries.add(new WalkEntry(plan.walk(), WALKS + "/" + name + ".mp4", WALKS + "/" + name + ".json",
                    plan.view(), plan.params().direction(), plan.score(), plan.seconds(), truth.video().frames()));
            frames += truth.video().frames();
            impaired += plan.score() >= 2 ? 1 : 0;
        }
        WalkSet set = new WalkSet(WalkSet.SCHEMA, "gait", request.seed(), SCENE_VERSION, FPS, WalkLayout.WIDTH,
                WalkLayout.HEIGHT, Keypoints.names(), Keypoints.flipIndex(), GaitScoreRule.TEXT, entries);
        Path index = out.resolve(INDEX);
        GaitTruthFiles.write(set, index);
        files.add(0, index);
        if (yolo != null) {
            files.addAll(yolo.written());
        }
        LOG.info("gait scene seed {}: {} walks, {} frames written to {}", request.seed(), plans.size(), frames, out);
        return new SceneSummary(frames, plans.size(), impaired, files);
    }

    private WalkTruth walk(WalkPlan plan, Path video, String videoName, PoseYoloExporter yolo) throws IOException {
        SplittableRandom rng = new SplittableRandom(plan.seed());
        GaitParams p = plan.params();
        LaidOutWalk walk = LaidOutWalk.of(plan, rng);
        WalkLayout layout = walk.layout();
        BodyModel body = walk.body();
        GaitModel model = walk.model();
        Appearance look = Appearance.draw(rng);
        int frames = (int) Math.round(plan.seconds() * FPS);
        List<FrameKeypoints> frameTruths = new ArrayList<>(frames);
        Camera camera = layout.camera();
        try (Mat room = RoomRenderer.render(camera, layout.room(), rng);
             PersonRenderer person = new PersonRenderer(camera, body, look);
             CameraEffects effects = new CameraEffects(camera.width(), camera.height(), VIGNETTING, BLUR_SIGMA,
                     NOISE_SIGMA, rng.nextLong());
             Mp4Writer writer = new Mp4Writer(video, camera.width(), camera.height(), FPS, CODEC, BITRATE, FPS);
             Mat frame = new Mat()) {
            for (int f = 0; f < frames; f++) {
                Pose pose = model.pose(f / (double) FPS);
                double[] keypoints = Keypoints.of(pose, camera);
                room.copyTo(frame);
                Box box = person.draw(frame, pose, keypoints);
                effects.apply(frame);
                writer.write(frame);
                if (yolo != null && PoseYoloExporter.takes(f)) {
                    yolo.write(plan.walk(), f, frame, box, keypoints);
                }
                frameTruths.add(new FrameKeypoints(f, pose.state(), box, rounded(keypoints)));
            }
        }
        BoutTruth bout = BoutMeasures.measure(model, p, frames, FPS);
        VideoFile file = new VideoFile(videoName, camera.width(), camera.height(), FPS, frames, CODEC,
                BoutMeasures.round(camera.focal()), roundMetresPerPixel(layout.walkwayMetresPerPixel()));
        return new WalkTruth(WalkTruth.SCHEMA, plan.walk(), file, plan.view(), p.direction(),
                BoutMeasures.round(p.bodyHeight()), plan.score(), planned(p), bout, heelStrikes(model.plan(), frames),
                frameTruths);
    }

    private static HeelStrikes heelStrikes(StepPlan steps, int frames) {
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        for (Footstep s : steps.steps()) {
            int frame = (int) Math.round(s.time() * FPS);
            if (s.time() >= 0 && frame < frames) {
                (s.side() == Side.LEFT ? left : right).add(frame);
            }
        }
        return new HeelStrikes(left, right);
    }

    private static PlannedGait planned(GaitParams p) {
        return new PlannedGait(r(p.cadence()), r(p.stepLength()), r(p.stepTimeCv()), r(p.armSwingLeft()),
                r(p.armSwingRight()), r(p.elbowFlexion()), r(p.trunkFlexion()), r(p.headFlexion()), r(p.footLift()),
                p.shuffling(), r(p.tremor()), p.freezes().stream()
                        .map(f -> new PlannedGait.PlannedFreeze(r(f.start()), r(f.duration()))).toList(),
                r(p.turnDuration()), p.turnSteps());
    }

    private static double r(double v) {
        return BoutMeasures.round(v);
    }

    /** Metres per pixel to 10 nm a pixel (about 6 significant digits): four decimals would lose 1 % of 0.008. */
    private static double roundMetresPerPixel(double v) {
        return Math.round(v * 1e8) / 1e8;
    }

    /** Keypoints with pixel coordinates to 0.1 px and integer visibilities. */
    private static List<Number> rounded(double[] keypoints) {
        List<Number> list = new ArrayList<>(keypoints.length);
        for (int i = 0; i < keypoints.length; i += 3) {
            list.add(Math.round(keypoints[i] * 10) / 10.0);
            list.add(Math.round(keypoints[i + 1] * 10) / 10.0);
            list.add((int) keypoints[i + 2]);
        }
        return list;
    }
}
