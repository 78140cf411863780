package io.loupe.samples.defect.truth;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The video the ground truth describes.
 *
 * @param file   file name, relative to the ground truth file
 * @param width  frame width in pixels
 * @param height frame height in pixels
 * @param fps    frames per second
 * @param frames number of frames
 * @param codec  FFmpeg encoder that wrote it
 */
@JsonPropertyOrder({"file", "width", "height", "fps", "frames", "codec"})
public record VideoInfo(String file, int width, int height, int fps, int frames, String codec) {
}
