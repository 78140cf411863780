package io.loupe.camera;

import io.loupe.camera.pattern.TestPatternSource;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.opencv.global.opencv_core.mean;

/**
 * Writes small real videos for the tests: frames of the {@code test:pattern} source encoded by FFmpeg's MPEG-4 encoder,
 * so that every decoded frame carries its number in the pattern's binary code ({@link #frameNumber}).
 */
public final class TestVideos {

    static {
        av_log_set_level(AV_LOG_ERROR);
    }

    private TestVideos() {
    }

    /** Writes {@code frames} pattern frames of {@code width}×{@code height} at {@code fps} as MPEG-4 in MP4. */
    public static Path write(Path file, int frames, int width, int height, double fps) throws Exception {
        CameraSpec spec = new CameraSpec("writer", URI.create("test:pattern?width=" + width + "&height=" + height
                + "&fps=" + fps), false, false, 0);
        FrameSource source = FrameSourceRegistry.withDefaults().create(spec);
        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), width, height);
        try (Mat mat = new Mat()) {
            source.open();
            recorder.setFormat("mp4");
            recorder.setVideoCodec(AV_CODEC_ID_MPEG4);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setVideoBitrate(width * height * 30);
            recorder.setGopSize(12);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                if (source.read(mat, Duration.ofSeconds(1)) != ReadStatus.FRAME) {
                    throw new IllegalStateException("pattern gave no frame " + i);
                }
                recorder.record(converter.convert(mat), AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        } finally {
            recorder.release();
            source.close();
        }
        return file;
    }

    /** Reads the frame number the pattern drew into {@code mat} (as decoded: thresholds each code square). */
    public static long frameNumber(Mat mat) {
        long n = 0;
        for (int bit = 0; bit < TestPatternSource.CODE_BITS; bit++) {
            int[] sq = TestPatternSource.codeSquare(mat.cols(), mat.rows(), bit);
            int inset = Math.max(1, sq[2] / 4);
            try (Mat roi = new Mat(mat, new Rect(sq[0] + inset, sq[1] + inset, sq[2] - 2 * inset,
                    sq[2] - 2 * inset)); Scalar m = mean(roi)) {
                double level = (m.get(0) + m.get(1) + m.get(2)) / 3;
                n = (n << 1) | (level > 128 ? 1 : 0);
            }
        }
        return n;
    }
}
