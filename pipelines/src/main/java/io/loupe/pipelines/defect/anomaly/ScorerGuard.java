package io.loupe.pipelines.defect.anomaly;

import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;

/**
 * The state checks every {@link LearningScorer} makes before it learns, scores or writes, with one wording for their
 * messages: closed, nothing learnt, no good images, an image of the wrong type. Each scorer keeps one and asks it at
 * the top of each method; it also keeps the scorer's "closed" flag.
 */
final class ScorerGuard {
    private final String scorer;
    private boolean closed;

    /** @param scorer the scorer's name, which starts every message */
    ScorerGuard(String scorer) {
        this.scorer = scorer;
    }

    /** @throws IllegalStateException when the scorer is closed */
    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(scorer + ": the scorer is closed");
        }
    }

    /**
     * Marks the scorer closed.
     *
     * @return whether it was open, i.e. whether the caller should release its buffers now
     */
    boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    /**
     * Checks a call to {@link LearningScorer#learn}: open, at least one image, every image of a supported type.
     *
     * @throws AnomalyException         when an image is empty or of an unsupported type; the message names its index
     * @throws IllegalArgumentException when {@code good} is empty
     * @throws IllegalStateException    when the scorer is closed
     */
    void checkLearn(List<Mat> good) throws AnomalyException {
        ensureOpen();
        if (good.isEmpty()) {
            throw new IllegalArgumentException(scorer + ": learn needs at least one good image");
        }
        for (int i = 0; i < good.size(); i++) {
            Images.check(scorer + " (good image " + i + ")", good.get(i));
        }
    }

    /**
     * Checks a call to {@link AnomalyScorer#score}: open, learnt, the image of a supported type.
     *
     * @throws AnomalyException      when the image is empty or of an unsupported type
     * @throws IllegalStateException when the scorer is closed or has learnt nothing
     */
    void checkScore(boolean learnt, Mat image) throws AnomalyException {
        ensureOpen();
        if (!learnt) {
            throw new IllegalStateException(scorer + ": nothing learnt yet; teach it with good parts first");
        }
        Images.check(scorer, image);
    }

    /** @throws IllegalStateException when there is nothing learnt to {@link LearningScorer#write} */
    void checkWrite(boolean learnt) {
        if (!learnt) {
            throw new IllegalStateException(scorer + ": nothing learnt to write");
        }
    }
}
