package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.analysis.KeypointSeries;
import io.loupe.samples.core.Seeds;
import io.loupe.samples.gait.BodyPoint;
import io.loupe.samples.gait.BoutMeasures;
import io.loupe.samples.gait.Camera;
import io.loupe.samples.gait.Footstep;
import io.loupe.samples.gait.GaitModel;
import io.loupe.samples.gait.GaitPlanner;
import io.loupe.samples.gait.GaitSceneGenerator;
import io.loupe.samples.gait.Keypoints;
import io.loupe.samples.gait.LaidOutWalk;
import io.loupe.samples.gait.Pose;
import io.loupe.samples.gait.View;
import io.loupe.samples.gait.WalkPlan;
import io.loupe.samples.gait.truth.BoutTruth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Walks with known parameters from the sample generator's kinematic gait model ({@code io.loupe.samples.gait}), as
 * COCO-17 keypoint series — without rendering video — made noisy the way a pose model is: Gaussian jitter of
 * {@code noiseBh} body heights on visible keypoints and three times that on hidden ones (the far side in a side
 * view), a share of single keypoints dropped, and occasional runs of a joint lost for a few frames. There is no trained
 * pose model for the synthetic walker, so this stands in for one; the noise figures are a choice, stated in the test
 * report.
 */
final class SyntheticWalks {

    /**
     * One generated walk.
     *
     * @param metresPerPixel side view: metres per pixel at the walkway's distance (as a clinic calibrates it with a
     *                       tape on the walkway); 0 in a frontal view
     */
    record Walk(WalkPlan plan, KeypointSeries series, BoutTruth truth, double bodyHeightM, double focalPx,
                double metresPerPixel, View view, int frames, List<Footstep> footsteps) {
    }

    private SyntheticWalks() {
    }

    /** {@code count} walks of {@code seconds} each from the generator's planner (scores 0..4, views alternating). */
    static List<Walk> make(long seed, int count, double seconds, double noiseBh, double dropout) {
        List<WalkPlan> plans = GaitPlanner.plan(count, seconds, Seeds.random(seed, "gait/walks"));
        List<Walk> walks = new ArrayList<>();
        for (WalkPlan plan : plans) {
            walks.add(walk(plan, noiseBh, dropout, seed));
        }
        return walks;
    }

    static Walk walk(WalkPlan plan, double noiseBh, double dropout, long noiseSeed) {
        return walk(plan, noiseBh, dropout, noiseSeed, false);
    }

    /**
     * A walk as {@link #walk(WalkPlan, double, double, long)}, with the feet's motion in the picture too when
     * {@code pictured}: standing in for {@link FootMotion} on a rendered video (which {@code FootMotionTest} measures),
     * each foot's grey-level change is a resting level of 0.5 (sensor noise) plus 2.5 per pixel its true ankle moved
     * since the previous frame, plus the size of a Gaussian noise of 0.2.
     */
    static Walk walk(WalkPlan plan, double noiseBh, double dropout, long noiseSeed, boolean pictured) {
        return walk(plan, noiseBh, dropout, noiseSeed, pictured, 0);
    }

    /**
     * A walk as {@link #walk(WalkPlan, double, double, long, boolean)} whose ankle keypoints sit {@code ankleRiseBh}
     * body heights above the true ankles, as a pose model's can (BlazePose full on the rendered walkers: about 0.02 H
     * in side views), which shortens the shoulder-to-ankle chain the analysis takes body height from.
     */
    static Walk walk(WalkPlan plan, double noiseBh, double dropout, long noiseSeed, boolean pictured,
                     double ankleRiseBh) {
        return walk(plan, noiseBh, dropout, noiseSeed, pictured, ankleRiseBh, false);
    }

    /**
     * A walk as {@link #walk(WalkPlan, double, double, long, boolean, double)} with, when {@code segmented}, the
     * silhouette's lower end a segmenting pose model gives: the lowest of the feet's heel and toe points on the sole,
     * as the camera sees them.
     */
    static Walk walk(WalkPlan plan, double noiseBh, double dropout, long noiseSeed, boolean pictured,
                     double ankleRiseBh, boolean segmented) {
        int fps = GaitSceneGenerator.FPS;
        SplittableRandom rng = new SplittableRandom(plan.seed());
        LaidOutWalk laidOut = LaidOutWalk.of(plan, rng);
        GaitModel model = laidOut.model();
        Camera camera = laidOut.layout().camera();
        int frames = (int) Math.round(plan.seconds() * fps);
        SplittableRandom noise = new SplittableRandom(noiseSeed * 31 + plan.walk());
        KeypointSeries series = new KeypointSeries(frames);
        float[] xs = new float[Joints.COUNT];
        float[] ys = new float[Joints.COUNT];
        float[] ss = new float[Joints.COUNT];
        int[] lostUntil = new int[Joints.COCO];
        double[] before = null;
        for (int f = 0; f < frames; f++) {
            Pose pose = model.pose(f / (double) fps);
            double[] k = Keypoints.of(pose, camera);
            float bottom = segmented ? sole(pose, camera) : Float.NaN;
            float left = Float.NaN;
            float right = Float.NaN;
            if (pictured && before != null) {
                left = (float) (0.5 + 2.5 * moved(k, before, Joints.LEFT_ANKLE) + 0.2 * Math.abs(gaussian(noise)));
                right = (float) (0.5 + 2.5 * moved(k, before, Joints.RIGHT_ANKLE) + 0.2 * Math.abs(gaussian(noise)));
            }
            before = k;
            double pxPerBh = pixelHeight(k);
            java.util.Arrays.fill(xs, Float.NaN);
            java.util.Arrays.fill(ys, Float.NaN);
            java.util.Arrays.fill(ss, 0f);
            for (int j = 0; j < Joints.COCO; j++) {
                int v = (int) k[3 * j + 2];
                if (v == 0) {
                    continue;
                }
                if (f < lostUntil[j]) {
                    continue;
                }
                if (noise.nextDouble() < dropout) {
                    continue;
                }
                if (noise.nextDouble() < dropout / 10) {
                    lostUntil[j] = f + noise.nextInt(2, 7);
                    continue;
                }
                double sigma = noiseBh * pxPerBh * (v == 2 ? 1 : 3);
                double rise = j == Joints.LEFT_ANKLE || j == Joints.RIGHT_ANKLE ? ankleRiseBh * pxPerBh : 0;
                xs[j] = (float) (k[3 * j] + sigma * gaussian(noise));
                ys[j] = (float) (k[3 * j + 1] - rise + sigma * gaussian(noise));
                ss[j] = v == 2 ? 0.9f : 0.5f;
            }
            series.add(f / (double) fps, xs, ys, ss, left, right, bottom);
        }
        BoutTruth truth = BoutMeasures.measure(model, plan.params(), frames, fps);
        return new Walk(plan, series, truth, plan.params().bodyHeight(), camera.focal(),
                laidOut.layout().walkwayMetresPerPixel(), plan.view(), frames,
                model.plan().steps().stream().filter(s -> s.time() >= 0 && s.time() < plan.seconds()).toList());
    }

    /** One sample's keypoints, edited in place: x, y and score per joint, at sample index {@code n}. */
    @FunctionalInterface
    interface SampleEdit {
        void apply(int n, float[] x, float[] y, float[] c);
    }

    /** A copy of {@code s} with {@code edit} applied to every sample; the feet's motion in the picture is dropped. */
    static KeypointSeries edited(KeypointSeries s, SampleEdit edit) {
        return edited(s, edit, Float.NaN);
    }

    /**
     * A copy of {@code s} with {@code edit} applied to every sample, each foot's motion in the picture
     * {@code footMotion} in every sample (NaN: not measured), the silhouette's lower end kept.
     */
    static KeypointSeries edited(KeypointSeries s, SampleEdit edit, float footMotion) {
        KeypointSeries out = new KeypointSeries(s.size());
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] c = new float[Joints.COUNT];
        for (int n = 0; n < s.size(); n++) {
            for (int j = 0; j < Joints.COUNT; j++) {
                x[j] = s.x(j, n);
                y[j] = s.y(j, n);
                c[j] = s.score(j, n);
            }
            edit.apply(n, x, y, c);
            out.add(s.time(n), x, y, c, footMotion, footMotion, s.silhouetteBottom(n));
        }
        return out;
    }

    /** How far a true keypoint moved between two frames, pixels. */
    private static double moved(double[] k, double[] before, int joint) {
        return Math.hypot(k[3 * joint] - before[3 * joint], k[3 * joint + 1] - before[3 * joint + 1]);
    }

    /** The lowest image row of the feet's heel and toe points: where a segmenting pose model's silhouette ends. */
    private static float sole(Pose pose, Camera camera) {
        double lowest = Double.NEGATIVE_INFINITY;
        for (BodyPoint p : new BodyPoint[] {BodyPoint.LEFT_HEEL, BodyPoint.RIGHT_HEEL, BodyPoint.LEFT_TOE,
            BodyPoint.RIGHT_TOE}) {
            lowest = Math.max(lowest, camera.project(pose.at(p))[1]);
        }
        return (float) lowest;
    }

    /** Rough body height in pixels (nose to lower ankle, ×1.1), for scaling the noise. */
    private static double pixelHeight(double[] k) {
        double top = k[1];
        double bottom = Math.max(k[3 * 15 + 1], k[3 * 16 + 1]);
        double h = (bottom - top) * 1.1;
        return h > 20 ? h : 200;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = Math.max(1e-12, rng.nextDouble());
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
