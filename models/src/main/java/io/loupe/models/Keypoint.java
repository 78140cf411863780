package io.loupe.models;

/**
 * One keypoint of a pose, in the pixel coordinates of the image given to the predictor, clipped to the image.
 *
 * @param x column
 * @param y row
 * @param score the model's visibility (0..1); 1 when the model gives only x and y
 */
public record Keypoint(float x, float y, float score) {
}
