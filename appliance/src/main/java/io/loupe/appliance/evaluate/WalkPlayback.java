package io.loupe.appliance.evaluate;

import io.loupe.camera.CameraException;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.ReadStatus;
import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.StageException;
import io.loupe.pipelines.gait.GaitPipeline;
import io.loupe.pipelines.gait.GaitResult;
import io.loupe.pipelines.gait.Skeleton;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays one walk video through a gait pipeline, frame by frame and in order, decoded by the appliance's own file
 * source (FFmpeg) with the stream's timestamps, and keeps per frame the walker's skeleton the pipeline used — the
 * pose behind its bouts — and the bouts it reported.
 */
final class WalkPlayback {
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param skeletons per frame from 0, the walker's skeleton, or null where the pipeline had none
     * @param bouts     the bouts reported, in order
     */
    record Played(List<Skeleton> skeletons, List<GaitResult> bouts) {
    }

    private WalkPlayback() {
    }

    /** A result time as seconds from the video's first frame. */
    static double seconds(Instant at) {
        return Duration.between(BASE, at).toNanos() / 1e9;
    }

    /**
     * Plays {@code video} to its end, then ends the stream (closing the last bout).
     *
     * @throws IOException when the video cannot be opened or decoded, or the pipeline fails on a frame; the message
     *                     names the video
     */
    static Played play(Path video, GaitPipeline pipeline) throws IOException {
        List<Skeleton> skeletons = new ArrayList<>();
        List<GaitResult> bouts = new ArrayList<>();
        CameraSpec spec = new CameraSpec("evaluate", video.toAbsolutePath().toUri(), false, false, 0);
        long pts = 0;
        try (FrameSource source = FrameSourceRegistry.withDefaults().create(spec); Mat mat = new Mat()) {
            source.open();
            for (int i = 0; ; ) {
                ReadStatus status = source.read(mat, READ_TIMEOUT);
                if (status == ReadStatus.END) {
                    break;
                }
                if (status == ReadStatus.TIMEOUT) {
                    throw new IOException("decoding " + video + " stalled at frame " + i + " (no frame in "
                            + READ_TIMEOUT.toSeconds() + " s); check the file with ffprobe");
                }
                pts = Math.max(0, source.lastPtsMicros());
                FrameRef ref = new FrameRef("evaluate", i, pts, BASE.plusNanos(pts * 1000), mat.cols(), mat.rows());
                collect(pipeline.accept(mat, ref), bouts);
                final int index = i;
                skeletons.add(pipeline.skeleton().filter(s -> s.frame().seq() == index).orElse(null));
                i++;
            }
        } catch (CameraException e) {
            throw new IOException(e.getMessage(), e);
        } catch (StageException e) {
            throw new IOException("the gait pipeline failed on " + video + ": " + e.getMessage(), e);
        }
        collect(pipeline.endOfStream(BASE.plusNanos(pts * 1000)), bouts);
        return new Played(skeletons, bouts);
    }

    private static void collect(List<PipelineResult> results, List<GaitResult> into) {
        for (PipelineResult r : results) {
            if (r instanceof GaitResult g) {
                into.add(g);
            }
        }
    }
}
