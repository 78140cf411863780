package io.loupe.camera.file;

import io.loupe.camera.CameraException;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.Pacer;
import io.loupe.camera.ReadStatus;
import io.loupe.camera.SourceInfo;
import org.bytedeco.javacpp.Pointer;
import io.loupe.camera.ffmpeg.FfmpegErrors;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * A video file decoded by FFmpeg (JavaCV {@link FFmpegFrameGrabber}) into BGR. The grabber decodes into its own
 * buffer; each frame is copied once into the caller's {@code Mat} through a wrapper over that buffer made once, so
 * steady state allocates no pixel memory. Presentation times start at 0 and keep increasing across loops. With
 * {@code realtime}, frames are released at their presentation times ({@link Pacer}).
 */
public final class VideoFileSource implements FrameSource {

    static {
        av_log_set_level(AV_LOG_ERROR);
    }

    private final CameraSpec spec;
    private final Path path;
    private final Pacer pacer = new Pacer();
    private FFmpegFrameGrabber grabber;
    private Mat wrapper;
    private Buffer wrapped;
    private boolean pending;
    private long pendingPts;
    private long passOffset;
    private long passFirstTs = Long.MIN_VALUE;
    private long frameIntervalMicros = 40_000;
    private long lastPts = -1;
    private long framesThisPass;
    private long grabNanos;
    private long lastDecodeNanos = -1;

    VideoFileSource(CameraSpec spec, Path path) {
        this.spec = spec;
        this.path = path;
    }

    @Override
    public SourceInfo open() throws CameraException {
        if (grabber != null) {
            throw new IllegalStateException("video " + spec.url() + " is already open; close() it first");
        }
        if (!Files.isRegularFile(path)) {
            throw new CameraException("cannot open video " + spec.url() + ": " + path.toAbsolutePath()
                    + (Files.exists(path) ? " is not a regular file" : " does not exist")
                    + "; fix the camera URL (relative paths resolve against the config file's folder)");
        }
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(path.toString());
        g.setPixelFormat(AV_PIX_FMT_BGR24);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            releaseQuietly(g);
            throw new CameraException("cannot open video " + spec.url() + " (" + path.toAbsolutePath() + "): "
                    + FfmpegErrors.explain(e), e);
        }
        if (!g.hasVideo() || g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            releaseQuietly(g);
            throw new CameraException("cannot open video " + spec.url() + " (" + path.toAbsolutePath()
                    + "): it has no video stream; point the camera at a video or image file");
        }
        grabber = g;
        double fps = g.getFrameRate();
        if (fps > 0 && fps < 1_000) {
            frameIntervalMicros = Math.round(1_000_000 / fps);
        }
        String codec = g.getVideoCodecName();
        String description = String.format(Locale.ROOT, "%s %dx%d %.3gfps (file%s%s)",
                codec == null ? "video" : codec, g.getImageWidth(), g.getImageHeight(), fps,
                spec.loop() ? ", loop" : "", spec.realtime() ? ", realtime" : "");
        return new SourceInfo(g.getImageWidth(), g.getImageHeight(), fps, description);
    }

    @Override
    public ReadStatus read(Mat dst, Duration timeout) throws CameraException {
        if (grabber == null) {
            throw new IllegalStateException("video " + spec.url() + " is not open; call open() first");
        }
        if (!pending) {
            long started = System.nanoTime();
            Frame frame = grab();
            if (frame == null) {
                if (!spec.loop()) {
                    return ReadStatus.END;
                }
                if (framesThisPass == 0) {
                    throw new CameraException("video " + spec.url() + " (" + path.toAbsolutePath()
                            + ") has no decodable frame; check the file with ffprobe");
                }
                rewind();
                frame = grab();
                if (frame == null) {
                    throw new CameraException("video " + spec.url() + " gave no frame after rewinding to its start");
                }
            }
            if (passFirstTs == Long.MIN_VALUE) {
                passFirstTs = frame.timestamp;
            }
            pendingPts = Math.max(lastPts + 1, passOffset + frame.timestamp - passFirstTs);
            framesThisPass++;
            pending = true;
            grabNanos = System.nanoTime() - started;
        }
        if (spec.realtime() && !pacer.dueWithin(pendingPts, timeout)) {
            return ReadStatus.TIMEOUT;
        }
        long copyStarted = System.nanoTime();
        wrapper.copyTo(dst);
        lastDecodeNanos = grabNanos + System.nanoTime() - copyStarted;
        pending = false;
        lastPts = pendingPts;
        return ReadStatus.FRAME;
    }

    @Override
    public long lastPtsMicros() {
        return lastPts;
    }

    /** Decoding, conversion and the copy into the caller's buffer of the last frame (pacing excluded). */
    @Override
    public long lastDecodeNanos() {
        return lastDecodeNanos;
    }

    @Override
    public void close() {
        FFmpegFrameGrabber g = grabber;
        grabber = null;
        if (g != null) {
            releaseQuietly(g);
        }
        if (wrapper != null) {
            wrapper.close();
            wrapper = null;
            wrapped = null;
        }
        pending = false;
    }

    /** Decodes the next picture and points {@link #wrapper} at it; {@code null} at the end of the file. */
    private Frame grab() throws CameraException {
        Frame frame;
        try {
            do {
                frame = grabber.grabImage();
            } while (frame != null && (frame.image == null || frame.image.length == 0));
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new CameraException("decoding video " + spec.url() + " (" + path.toAbsolutePath() + ") failed: "
                    + FfmpegErrors.explain(e), e);
        }
        if (frame != null) {
            wrap(frame);
        }
        return frame;
    }

    private void wrap(Frame frame) throws CameraException {
        // JavaCV sets imageChannels to stride / width, which is wrong for padded rows: the format is BGR24 as asked
        if (frame.imageDepth != Frame.DEPTH_UBYTE || frame.imageStride < frame.imageWidth * 3) {
            throw new CameraException("video " + spec.url() + " decoded to depth " + frame.imageDepth + " with rows of "
                    + frame.imageStride + " bytes for width " + frame.imageWidth + " instead of 8-bit BGR;"
                    + " report this file");
        }
        Buffer buffer = frame.image[0];
        if (wrapper == null || buffer != wrapped || wrapper.cols() != frame.imageWidth
                || wrapper.rows() != frame.imageHeight || wrapper.step() != frame.imageStride) {
            if (wrapper != null) {
                wrapper.close();
            }
            wrapper = new Mat(frame.imageHeight, frame.imageWidth, CV_8UC3, new Pointer(buffer.position(0)),
                    frame.imageStride);
            wrapped = buffer;
        }
    }

    private void rewind() throws CameraException {
        passOffset = lastPts + frameIntervalMicros;
        passFirstTs = Long.MIN_VALUE;
        framesThisPass = 0;
        try {
            grabber.setTimestamp(0L);
        } catch (FrameGrabber.Exception | RuntimeException seekFailed) {
            try {
                grabber.restart();
            } catch (FrameGrabber.Exception | RuntimeException e) {
                throw new CameraException("cannot loop video " + spec.url() + ": seeking to the start failed ("
                        + FfmpegErrors.explain(seekFailed) + ") and reopening failed (" + FfmpegErrors.explain(e) + ")",
                        e);
            }
        }
    }

    private static void releaseQuietly(FFmpegFrameGrabber g) {
        try {
            g.stop();
        } catch (Exception ignored) {
            // closing must not throw
        }
        try {
            g.release();
        } catch (Exception ignored) {
            // closing must not throw
        }
    }
}
