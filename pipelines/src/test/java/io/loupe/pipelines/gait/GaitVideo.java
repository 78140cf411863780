package io.loupe.pipelines.gait;

import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.StageException;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Plays a video file (decoded by FFmpeg) into a gait pipeline, frame by frame, with the stream's timestamps. */
final class GaitVideo {

    /** What a played video gave. */
    record Played(List<PipelineResult> results, int frames, int withWalker, int lastWalkerFrame,
                  List<String> trackIds) {
    }

    private GaitVideo() {
    }

    /**
     * Plays every {@code every}-th frame (the frame times stay the stream's), then the end of the stream.
     */
    static Played play(GaitPipeline pipeline, Path video, int every) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        List<PipelineResult> results = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int frames = 0;
        int withWalker = 0;
        int lastWalker = -1;
        Instant base = Instant.parse("2026-11-27T09:00:00Z");
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            double fps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 25;
            Frame frame;
            for (int i = 0; (frame = grabber.grabImage()) != null; i++) {
                if (i % every != 0) {
                    continue;
                }
                Mat mat = converter.convert(frame);
                long pts = Math.round(i / fps * 1e6);
                FrameRef ref = new FrameRef("cam", i, pts, base.plusNanos(pts * 1000), mat.cols(), mat.rows());
                results.addAll(accept(pipeline, mat, ref));
                frames++;
                var skeleton = pipeline.skeleton();
                if (skeleton.isPresent() && skeleton.get().frame().seq() == i) {
                    withWalker++;
                    lastWalker = i;
                    if (!ids.contains(skeleton.get().trackId())) {
                        ids.add(skeleton.get().trackId());
                    }
                }
            }
            grabber.stop();
        }
        results.addAll(pipeline.endOfStream(Instant.now()));
        return new Played(results, frames, withWalker, lastWalker, ids);
    }

    private static List<PipelineResult> accept(GaitPipeline pipeline, Mat mat, FrameRef ref) throws StageException {
        return pipeline.accept(mat, ref);
    }
}
