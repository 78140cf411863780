package io.loupe.samples.core;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_get_level;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes 8-bit BGR frames into an MP4 file with FFmpeg. The default FFmpeg build of JavaCV has no libx264, so the
 * codec is {@code libopenh264} (H.264) or {@code mpeg4} (MPEG-4 Part 2).
 *
 * <p>Not thread-safe; {@link #close()} is idempotent and finishes the file.
 */
public final class Mp4Writer implements AutoCloseable {

    private final Path file;
    private final FFmpegFrameRecorder recorder;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private boolean closed;

    /**
     * Opens {@code file} for writing.
     *
     * @param codec       FFmpeg encoder name, {@code libopenh264} or {@code mpeg4}
     * @param bitrate     target bit rate in bits per second
     * @param gop         frames between key frames
     * @throws IOException when FFmpeg cannot open the file or the encoder; the message names both
     */
    public Mp4Writer(Path file, int width, int height, int fps, String codec, int bitrate, int gop) throws IOException {
        this.file = file;
        if (av_log_get_level() > AV_LOG_ERROR) {
            av_log_set_level(AV_LOG_ERROR); // FFmpeg's log level is process-wide: only ever made quieter here
        }
        recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodecName(codec);
        recorder.setFrameRate(fps);
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setVideoBitrate(bitrate);
        recorder.setGopSize(gop);
        // One encoder thread: multi-threaded encoders may not give the same bytes run after run.
        recorder.setVideoOption("threads", "1");
        try {
            recorder.start();
        } catch (FrameRecorder.Exception e) {
            recorder.releaseUnsafe();
            throw new IOException("cannot open " + file + " for writing with the FFmpeg encoder '" + codec
                    + "': " + e.getMessage() + "; check that the folder is writable and the encoder exists "
                    + "(libopenh264 and mpeg4 are in JavaCV's FFmpeg build, libx264 is not)", e);
        }
    }

    /** Encodes one 8-bit BGR frame of the size given at construction. */
    public void write(Mat bgr) throws IOException {
        if (closed) {
            throw new IllegalStateException("Mp4Writer for " + file + " is closed");
        }
        Frame frame = converter.convert(bgr);
        try {
            recorder.record(frame, AV_PIX_FMT_BGR24);
        } catch (FrameRecorder.Exception e) {
            throw new IOException("FFmpeg failed to encode a frame into " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            recorder.close();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("FFmpeg failed to finish " + file + ": " + e.getMessage(), e);
        } finally {
            converter.close();
        }
    }
}
