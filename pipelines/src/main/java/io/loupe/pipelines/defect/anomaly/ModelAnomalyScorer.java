package io.loupe.pipelines.defect.anomaly;

import io.loupe.models.AnomalyDetector;
import io.loupe.models.AnomalyResult;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * An anomaly model (an anomalib ONNX export, decoder {@code anomalib}) run by the models module, as a scorer: its
 * image score, its anomaly map and its own threshold (0.5 when the export is normalised). Teach fits a threshold for it
 * from good parts; it learns nothing else.
 */
public final class ModelAnomalyScorer implements AnomalyScorer {
    private final String name;
    private final String sha256;
    private final AnomalyDetector detector;

    /**
     * @throws IllegalStateException when the model is not an anomaly model or is closed
     */
    public ModelAnomalyScorer(Model model) {
        this.name = "model:" + model.info().id();
        this.sha256 = model.info().sha256();
        this.detector = model.newAnomalyDetector();
    }

    @Override
    public String name() {
        return name;
    }

    /** The model file's sha256, so a taught threshold is only used with the model it was taught for. */
    public String sha256() {
        return sha256;
    }

    @Override
    public AnomalyScore score(Mat bgr) throws AnomalyException {
        try {
            AnomalyResult r = detector.inspect(bgr);
            return new AnomalyScore(r.score(), r.map(), r.threshold());
        } catch (ModelException e) {
            throw new AnomalyException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        detector.close();
    }
}
