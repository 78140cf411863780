package io.loupe.samples.gait.truth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The video a walk's ground truth describes.
 *
 * @param file   file name, relative to the ground-truth file
 * @param width  frame width, pixels
 * @param height frame height, pixels
 * @param fps    frames per second
 * @param frames number of frames
 * @param codec  FFmpeg encoder that wrote it
 * @param focalLengthPx the camera's focal length in pixels (a pinhole without distortion): the calibration a clinic
 *                      measures once per camera, which frontal step length needs; 0 in sets written before it was
 *                      recorded
 * @param walkwayMetresPerPixel side view: metres per pixel on the walkway's centre line at floor level, as a clinic
 *                      measures it from two marks a known distance apart on the walkway; 0 in a frontal view and in
 *                      sets written before it was recorded
 */
@JsonPropertyOrder({"file", "width", "height", "fps", "frames", "codec", "focal_length_px",
    "walkway_metres_per_pixel"})
public record VideoFile(String file, int width, int height, int fps, int frames, String codec,
                        @JsonProperty("focal_length_px") double focalLengthPx,
                        @JsonProperty("walkway_metres_per_pixel") double walkwayMetresPerPixel) {
}
