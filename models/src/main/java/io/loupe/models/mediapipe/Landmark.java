package io.loupe.models.mediapipe;

/**
 * One BlazePose landmark.
 *
 * @param x column, in the pixels of the frame given to the estimator (not clipped: may lie outside the frame)
 * @param y row, in frame pixels
 * @param z depth relative to the hip midpoint, in the same pixel scale (smaller = nearer the camera)
 * @param visibility probability that the landmark is visible (not occluded), 0..1
 * @param presence probability that the landmark is in the picture at all, 0..1
 * @param evidence the peak of the landmark's heatmap (a logit) within one heatmap cell of it: how much the picture
 *     itself shows the landmark there; below 0 when the model placed it without seeing it; NaN when the model has no
 *     heatmap output
 */
public record Landmark(float x, float y, float z, float visibility, float presence, float evidence) {
}
