package io.loupe.pipelines.defect.anomaly;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Scores an image of a part against what good parts look like. One per worker thread: implementations keep reusable
 * buffers and are not thread-safe.
 */
public interface AnomalyScorer extends AutoCloseable {

    /** Short name, in results and teach files: {@code template}, {@code patches}, {@code model:<id>}. */
    String name();

    /**
     * Scores one image.
     *
     * @param bgr an 8-bit image (BGR, grey or BGRA) of the part, any size; only read
     * @return the score and, when the scorer makes one, its heat map over {@code bgr}
     * @throws AnomalyException      when the image is empty or not 8-bit with 1, 3 or 4 channels, or a model fails; the
     *                               message names the value and the scorer
     * @throws IllegalStateException when the scorer is closed, or is a {@link LearningScorer} that has learnt nothing
     */
    AnomalyScore score(Mat bgr) throws AnomalyException;

    /** Releases native buffers. Idempotent. */
    @Override
    void close();
}
