package io.loupe.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** Decodes test videos with FFmpeg, frame by frame, as 8-bit BGR. */
public final class Videos {

    /** What a decoded video is. */
    public record Info(int frames, int width, int height, double fps) {
    }

    private Videos() {
    }

    /** Decodes every frame, handing each (only valid during the call) with its index to {@code each}. */
    public static Info decode(Path video, ObjIntConsumer<Mat> each) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            int count = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                Mat bgr = converter.convert(frame);
                each.accept(bgr, count++);
            }
            Info info = new Info(count, grabber.getImageWidth(), grabber.getImageHeight(), grabber.getFrameRate());
            grabber.stop();
            return info;
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot decode " + video + ": " + e.getMessage(), e);
        }
    }

    /** @return clones of the first {@code n} frames */
    public static List<Mat> firstFrames(Path video, int n) throws IOException {
        List<Mat> frames = new ArrayList<>();
        decode(video, (bgr, index) -> {
            if (index < n) {
                frames.add(bgr.clone());
            }
        });
        return frames;
    }
}
