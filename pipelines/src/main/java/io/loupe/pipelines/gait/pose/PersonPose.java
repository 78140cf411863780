package io.loupe.pipelines.gait.pose;

import io.loupe.models.Detection;
import io.loupe.pipelines.gait.analysis.Joints;

import java.util.Arrays;

/**
 * One person in one frame: the box and, per {@link Joints joint}, x and y in frame pixels and a score; a joint not
 * found (or not trusted) is NaN. A detector that gives boxes only leaves every joint NaN until the landmark model has
 * run on the chosen walker ({@link PoseSource#refine}).
 *
 * <p>The arrays belong to this object: callers read them and do not change them.
 *
 * @param box              the person's box and score
 * @param x                x per joint ({@link Joints#COUNT})
 * @param y                y per joint
 * @param score            score per joint (0 where missing)
 * @param silhouetteBottom the frame row where the person's silhouette ends below (the lower foot's sole), from a
 *                         model that segments the person (BlazePose); NaN from keypoint-only models
 * @param partial          true when the pose source judged the body partial (e.g. legs only): its upper body is
 *                         missing
 * @param note             why the pose is partial, or null
 */
public record PersonPose(Detection box, float[] x, float[] y, float[] score, float silhouetteBottom, boolean partial,
        String note) {

    /** A pose from a keypoint-only model: no silhouette. */
    public PersonPose(Detection box, float[] x, float[] y, float[] score, boolean partial, String note) {
        this(box, x, y, score, Float.NaN, partial, note);
    }

    /** A person known by its box only. */
    public static PersonPose boxOnly(Detection box) {
        float[] nan = new float[Joints.COUNT];
        Arrays.fill(nan, Float.NaN);
        return new PersonPose(box, nan, nan.clone(), new float[Joints.COUNT], false, null);
    }

    /** Whether any joint was found. */
    public boolean hasKeypoints() {
        for (float v : x) {
            if (!Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    public float centreX() {
        return (box.x1() + box.x2()) / 2;
    }

    public float centreY() {
        return (box.y1() + box.y2()) / 2;
    }
}
