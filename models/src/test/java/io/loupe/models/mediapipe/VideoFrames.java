package io.loupe.models.mediapipe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** Frames of a video decoded with FFmpeg, as BGR {@code Mat}s the caller closes. */
final class VideoFrames {

    /** A decoded frame and its index. */
    record Indexed(int index, Mat bgr) {
    }

    private VideoFrames() {
    }

    /** Every {@code every}-th frame from frame 0, at most {@code limit} of them. */
    static List<Indexed> read(Path video, int every, int limit) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        List<Indexed> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame;
            for (int i = 0; frames.size() < limit && (frame = grabber.grabImage()) != null; i++) {
                if (i % every == 0) {
                    frames.add(new Indexed(i, converter.convert(frame).clone()));
                }
            }
            grabber.stop();
        }
        return frames;
    }

    static void close(List<Indexed> frames) {
        frames.forEach(f -> f.bgr().close());
    }
}
