package io.loupe.models.mediapipe;

/**
 * A rotated square region of a frame, the crop the BlazePose landmark model sees, in MediaPipe's convention: the
 * square's own x axis points along {@code (cos r, sin r)} in the frame (y down), so {@code rotation = 0} is upright.
 * Coordinates are continuous frame pixels (the left edge of the frame is x = 0).
 *
 * @param centreX centre column
 * @param centreY centre row
 * @param size side length in frame pixels
 * @param rotation radians, in (-π, π]
 */
public record PoseRoi(float centreX, float centreY, float size, float rotation) {

    /** MediaPipe's enlargement of the detector's (or the previous landmarks') region. */
    public static final float SCALE = 1.25f;

    /**
     * MediaPipe's {@code AlignmentPointsRectsCalculator} followed by a square enlargement: centred on {@code (cx, cy)}
     * (the hip centre), side {@code 2 x distance(centre, scale point) x scale}, rotated so that the centre → scale
     * point direction points up in the crop (target angle 90°).
     */
    public static PoseRoi fromAlignment(float cx, float cy, float scaleX, float scaleY, float scale) {
        float dx = scaleX - cx;
        float dy = scaleY - cy;
        float size = 2f * (float) Math.hypot(dx, dy) * scale;
        double rotation = Math.PI / 2 - Math.atan2(-dy, dx);
        return new PoseRoi(cx, cy, size, (float) normalise(rotation));
    }

    /** An upright square around a box of any person detector: centred on it, side = its longer side x scale. */
    public static PoseRoi fromBox(float x1, float y1, float x2, float y2, float scale) {
        return new PoseRoi((x1 + x2) / 2, (y1 + y2) / 2, Math.max(x2 - x1, y2 - y1) * scale, 0f);
    }

    /** Frame column of the crop point {@code (u, v)}, given as fractions of the crop's side (0..1). */
    public float frameX(float u, float v) {
        float lx = (u - 0.5f) * size;
        float ly = (v - 0.5f) * size;
        return centreX + lx * (float) Math.cos(rotation) - ly * (float) Math.sin(rotation);
    }

    /** Frame row of the crop point {@code (u, v)}. */
    public float frameY(float u, float v) {
        float lx = (u - 0.5f) * size;
        float ly = (v - 0.5f) * size;
        return centreY + lx * (float) Math.sin(rotation) + ly * (float) Math.cos(rotation);
    }

    /**
     * The 2x3 affine matrix from crop pixel indices to frame pixel indices for a {@code width x height} crop, as
     * OpenCV's {@code warpAffine} wants it with {@code WARP_INVERSE_MAP} (pixel centres at integer indices).
     */
    public void cropToFrame(int width, int height, double[] matrix) {
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        double sx = (double) size / width;
        double sy = (double) size / height;
        double lx = 0.5 * sx - size / 2.0;
        double ly = 0.5 * sy - size / 2.0;
        matrix[0] = cos * sx;
        matrix[1] = -sin * sy;
        matrix[2] = centreX - 0.5 + cos * lx - sin * ly;
        matrix[3] = sin * sx;
        matrix[4] = cos * sy;
        matrix[5] = centreY - 0.5 + sin * lx + cos * ly;
    }

    private static double normalise(double angle) {
        return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
    }
}
