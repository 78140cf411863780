/**
 * Frame sources and the capture loop: one thread per camera reads a {@link io.loupe.camera.FrameSource}, fills pooled,
 * reference-counted {@link io.loupe.camera.Frame}s and offers them to each consumer's {@link io.loupe.camera.Mailbox}.
 * Sources are created by a {@link io.loupe.camera.FrameSourceFactory} per URL scheme, found in the
 * {@link io.loupe.camera.FrameSourceRegistry}. {@link io.loupe.camera.Camera} runs one capture thread and its state
 * machine (reconnect with back-off, stall watchdog, {@code maxFps} cap).
 *
 * <p>Drivers live in sub-packages: {@code file} (videos via FFmpeg, images via OpenCV) and {@code pattern}
 * ({@code test:pattern}).
 */
package io.loupe.camera;
