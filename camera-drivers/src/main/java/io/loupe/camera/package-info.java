/**
 * Frame sources and the capture loop: one thread per camera reads a {@link io.loupe.camera.FrameSource}, fills pooled,
 * reference-counted {@link io.loupe.camera.Frame}s and offers them to each consumer's {@link io.loupe.camera.Mailbox}.
 * {@link io.loupe.camera.Camera} runs one capture thread and its state machine (reconnect with back-off and jitter,
 * stall watchdog, {@code maxFps} cap, ingest statistics in {@link io.loupe.camera.CameraStatus}); camera credentials
 * are masked everywhere by {@link io.loupe.camera.Redact}.
 *
 * <p>Drivers live in sub-packages, one {@link io.loupe.camera.FrameSourceFactory} per URL scheme, found in the
 * {@link io.loupe.camera.FrameSourceRegistry}: {@code file} (videos via FFmpeg, images, folders and globs, watched
 * folders), {@code pattern} ({@code test:pattern}), {@code stream} ({@code rtsp}, {@code rtmp}, {@code http(s)}),
 * {@code v4l2} (USB cameras); {@code ffmpeg} holds the FFmpeg reader they share, {@code bench} the decode benchmark.
 *
 * <p>Adding a kind of camera touches nothing else. GigE Vision, for instance, would be a package {@code gige} with a
 * {@code GigeSourceFactory} for the scheme {@code gige:} whose {@code FrameSource} opens the camera through Aravis
 * (its C API through JavaCPP, or {@code arv-*} tools), negotiates size and pixel format in {@code open()}, converts
 * each buffer to BGR into the caller's {@code Mat} in {@code read()} (returning {@code TIMEOUT} when no buffer came
 * within the timeout, so that the watchdog works) and reports problems as {@link io.loupe.camera.CameraException}s;
 * then one {@code registry.register(new GigeSourceFactory())} (in {@code withDefaults()} or by the appliance). The
 * capture loop, mailboxes, frame pool, statistics and reconnects come as they are.
 */
package io.loupe.camera;
