package io.loupe.camera.bench;

import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.ReadStatus;
import io.loupe.camera.ffmpeg.FfmpegSetup;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.randn;

/**
 * Writes H.264 clips of the {@code test:pattern} source with FFmpeg's {@code libopenh264} encoder (the one JavaCV's
 * default FFmpeg build has), in MP4: camera-like material for benchmarks and for the RTSP server of the tests.
 */
public final class BenchClip {

    private BenchClip() {
    }

    /**
     * Writes {@code frames} clean pattern frames of {@code width}×{@code height} at {@code fps}, a key frame every
     * second.
     *
     * @return {@code file}
     * @throws FrameRecorder.Exception when FFmpeg cannot write it (e.g. no libopenh264 in the FFmpeg build)
     */
    public static Path writeH264(Path file, int frames, int width, int height, double fps) throws Exception {
        return writeH264(file, frames, width, height, fps, 0);
    }

    /**
     * Like {@link #writeH264(Path, int, int, int, double)}, with Gaussian noise of standard deviation
     * {@code noiseSigma} (grey levels) added to every frame, as a camera sensor would: without it the flat pattern
     * compresses to almost nothing and decodes unrealistically fast.
     */
    public static Path writeH264(Path file, int frames, int width, int height, double fps, double noiseSigma)
            throws Exception {
        FfmpegSetup.init();
        CameraSpec spec = new CameraSpec("clip", URI.create("test:pattern?width=" + width + "&height=" + height
                + "&fps=" + fps), false, false, 0);
        FrameSource pattern = FrameSourceRegistry.withDefaults().create(spec);
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), width, height);
        try (Mat mat = new Mat(); Mat noise = new Mat(height, width, CV_8UC3);
             Scalar grey = new Scalar(128); Scalar spread = new Scalar(noiseSigma);
             Mat mean = new Mat(1, 1, CV_64F, grey); Mat sigma = new Mat(1, 1, CV_64F, spread);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            pattern.open();
            recorder.setFormat("mp4");
            recorder.setVideoCodecName("libopenh264");
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setGopSize((int) Math.max(1, Math.round(fps)));
            recorder.setVideoBitrate(Math.max(200_000, (int) Math.min(8_000_000L, (long) width * height * 2)));
            recorder.start();
            for (int i = 0; i < frames; i++) {
                if (pattern.read(mat, Duration.ofSeconds(1)) != ReadStatus.FRAME) {
                    throw new IllegalStateException("test pattern gave no frame " + i);
                }
                if (noiseSigma > 0) {
                    randn(noise, mean, sigma);
                    addWeighted(mat, 1.0, noise, 1.0, -128, mat);
                }
                Frame frame = converter.convert(mat);
                recorder.record(frame, AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        } finally {
            recorder.release();
            pattern.close();
        }
        return file;
    }
}
