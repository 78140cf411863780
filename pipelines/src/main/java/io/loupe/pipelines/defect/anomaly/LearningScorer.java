package io.loupe.pipelines.defect.anomaly;

import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;

/** A scorer that learns what good looks like from good images alone, and keeps it in an {@link AnomalyFile}. */
public interface LearningScorer extends AnomalyScorer {

    /** Which scorer this is, for the file. */
    AnomalyKind kind();

    /**
     * Learns from good images, replacing what was learnt before.
     *
     * @param good 8-bit images of good parts (BGR, grey or BGRA); only read
     * @throws AnomalyException when an image is empty or of an unsupported type; the message names its index
     * @throws IllegalArgumentException when {@code good} is empty
     */
    void learn(List<Mat> good) throws AnomalyException;

    /** Whether it has learnt anything (from {@link #learn} or a file). */
    boolean learnt();

    /**
     * Writes its parameters and what it learnt.
     *
     * @throws IllegalStateException when it has learnt nothing
     */
    void write(FileStorage fs);
}
