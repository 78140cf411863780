package io.loupe.pipelines;

import io.loupe.camera.Frame;
import io.loupe.camera.FramePool;
import org.bytedeco.opencv.opencv_core.Mat;

import java.time.Duration;
import java.util.List;

/**
 * Runs a pipeline's chain on still images, through real pooled {@link Frame}s (the camera module's public pool), for
 * tests that need no camera thread.
 */
public final class Stills implements AutoCloseable {
    private final FramePool pool = new FramePool("stills", 2);

    /** Runs {@code chain} on {@code image}; the frame is released afterwards. */
    public List<? extends PipelineResult> run(StageChain chain, Mat image) throws StageException {
        Frame frame;
        try {
            frame = pool.acquire(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            image.copyTo(frame.mat());
            return chain.run(frame);
        } finally {
            frame.release();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
