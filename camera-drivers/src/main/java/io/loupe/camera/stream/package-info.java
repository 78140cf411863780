/**
 * Network cameras — {@code rtsp://} (TCP or UDP), {@code rtmp://}, {@code http(s)://} MJPEG and HLS — read by
 * {@link io.loupe.camera.ffmpeg.FfmpegLiveSource}. {@link io.loupe.camera.stream.StreamUrl} takes Loupe's options
 * ({@code transport}, {@code hwaccel}, {@code timeout}, {@code threads}) out of the URL and sets each protocol's FFmpeg
 * I/O timeout; credentials stay in the URL given to FFmpeg and out of every message.
 */
package io.loupe.camera.stream;
