package io.loupe.samples.gait.truth;

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
 */
@JsonPropertyOrder({"file", "width", "height", "fps", "frames", "codec"})
public record VideoFile(String file, int width, int height, int fps, int frames, String codec) {
}
