/**
 * The {@code v4l2:} driver: USB/UVC cameras through FFmpeg's {@code video4linux2} input, with size, rate and pixel
 * format from the URL ({@link io.loupe.camera.v4l2.V4l2Params}), read by
 * {@link io.loupe.camera.ffmpeg.FfmpegLiveSource}.
 */
package io.loupe.camera.v4l2;
