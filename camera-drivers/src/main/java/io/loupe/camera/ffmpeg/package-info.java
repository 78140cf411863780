/**
 * FFmpeg pieces shared by the live drivers: {@link io.loupe.camera.ffmpeg.FfmpegLiveSource} (open, demux, decode,
 * convert to BGR, with an interrupt callback that bounds every blocking call), the same behind a driver's own check
 * before opening ({@link io.loupe.camera.ffmpeg.CheckedLiveSource}), hardware decoder choice with fallback
 * ({@link io.loupe.camera.ffmpeg.HwAccel}), and error codes in words ({@link io.loupe.camera.ffmpeg.FfmpegErrors}).
 * Uses the FFmpeg that JavaCV ships ({@code org.bytedeco.ffmpeg}).
 */
package io.loupe.camera.ffmpeg;
